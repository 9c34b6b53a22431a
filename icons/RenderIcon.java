import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Renders the application icon SVG to PNGs with Java2D.
 *
 * ImageMagick's built-in SVG renderer on Debian 12 (no rsvg delegate) paints gradients black and fills stroked
 * open paths, so the icon is rendered here instead. Only the SVG subset the icon uses is understood: rect (rx/ry),
 * path (absolute M L C Q Z), fill, stroke, stroke-width, stroke-linecap, stroke-linejoin, g fill inheritance and
 * vertical/horizontal linearGradient in objectBoundingBox units.
 *
 * Usage: java RenderIcon.java icon.svg outDir name 16 32 48 ...   (writes outDir/name-16.png, ...)
 */
public class RenderIcon {

    private final Map<String, Element> gradients = new HashMap<>();
    private double viewBoxWidth;
    private double viewBoxHeight;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java RenderIcon.java icon.svg outDir name size...");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Element svg = factory.newDocumentBuilder().parse(new File(args[0])).getDocumentElement();
        var renderer = new RenderIcon();
        String[] viewBox = svg.getAttribute("viewBox").trim().split("[ ,]+");
        renderer.viewBoxWidth = Double.parseDouble(viewBox[2]);
        renderer.viewBoxHeight = Double.parseDouble(viewBox[3]);
        renderer.collectGradients(svg);
        Path outDir = Path.of(args[1]);
        Files.createDirectories(outDir);
        for (int i = 3; i < args.length; i++) {
            int size = Integer.parseInt(args[i]);
            BufferedImage image = renderer.render(svg, size);
            Path target = outDir.resolve(args[2] + "-" + size + ".png");
            // Write next to the target and move, so a failed run never leaves a half-written PNG.
            Path temp = Files.createTempFile(outDir, ".render", ".png");
            ImageIO.write(image, "png", temp.toFile());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("wrote " + target + " (" + size + "x" + size + ")");
        }
    }

    private void collectGradients(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if ("linearGradient".equals(child.getTagName())) {
                    gradients.put(child.getAttribute("id"), child);
                }
                collectGradients(child);
            }
        }
    }

    private BufferedImage render(Element svg, int size) {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.transform(AffineTransform.getScaleInstance(size / viewBoxWidth, size / viewBoxHeight));
        drawChildren(g, svg, new HashMap<>());
        g.dispose();
        return image;
    }

    private void drawChildren(Graphics2D g, Element parent, Map<String, String> inherited) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element element)) {
                continue;
            }
            Map<String, String> style = new HashMap<>(inherited);
            for (String name : List.of("fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin")) {
                if (element.hasAttribute(name)) {
                    style.put(name, element.getAttribute(name));
                }
            }
            switch (element.getTagName()) {
                case "g" -> drawChildren(g, element, style);
                case "rect" -> paint(g, rect(element), style);
                case "path" -> paint(g, path(element.getAttribute("d")), style);
                case "defs", "title", "desc" -> { }
                default -> throw new IllegalArgumentException("unsupported SVG element <" + element.getTagName() + ">");
            }
        }
    }

    private void paint(Graphics2D g, Shape shape, Map<String, String> style) {
        String fill = style.getOrDefault("fill", "#000000");
        if (!"none".equals(fill)) {
            g.setPaint(paintFor(fill, shape));
            g.fill(shape);
        }
        String stroke = style.getOrDefault("stroke", "none");
        if (!"none".equals(stroke)) {
            float width = Float.parseFloat(style.getOrDefault("stroke-width", "1"));
            int cap = switch (style.getOrDefault("stroke-linecap", "butt")) {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                default -> BasicStroke.CAP_BUTT;
            };
            int join = switch (style.getOrDefault("stroke-linejoin", "miter")) {
                case "round" -> BasicStroke.JOIN_ROUND;
                case "bevel" -> BasicStroke.JOIN_BEVEL;
                default -> BasicStroke.JOIN_MITER;
            };
            g.setStroke(new BasicStroke(width, cap, join));
            g.setPaint(paintFor(stroke, shape));
            g.draw(shape);
        }
    }

    private Paint paintFor(String value, Shape shape) {
        if (value.startsWith("url(#")) {
            Element gradient = gradients.get(value.substring(5, value.length() - 1));
            if (gradient == null) {
                throw new IllegalArgumentException("unknown gradient " + value);
            }
            Rectangle2D box = shape.getBounds2D();
            double x1 = box.getX() + box.getWidth() * fraction(gradient.getAttribute("x1"), 0);
            double y1 = box.getY() + box.getHeight() * fraction(gradient.getAttribute("y1"), 0);
            double x2 = box.getX() + box.getWidth() * fraction(gradient.getAttribute("x2"), 1);
            double y2 = box.getY() + box.getHeight() * fraction(gradient.getAttribute("y2"), 0);
            List<Float> offsets = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            for (Node n = gradient.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element stop && "stop".equals(stop.getTagName())) {
                    offsets.add((float) fraction(stop.getAttribute("offset"), 0));
                    colors.add(color(stop.getAttribute("stop-color")));
                }
            }
            float[] fractions = new float[offsets.size()];
            for (int i = 0; i < fractions.length; i++) {
                fractions[i] = offsets.get(i);
            }
            return new LinearGradientPaint((float) x1, (float) y1, (float) x2, (float) y2, fractions,
                    colors.toArray(new Color[0]));
        }
        return color(value);
    }

    private static double fraction(String value, double fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                : Double.parseDouble(value);
    }

    private static Color color(String hex) {
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("only #rrggbb colours are supported, got " + hex);
        }
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    private static Shape rect(Element e) {
        double x = num(e, "x");
        double y = num(e, "y");
        double w = num(e, "width");
        double h = num(e, "height");
        double rx = e.hasAttribute("rx") ? num(e, "rx") : num(e, "ry");
        double ry = e.hasAttribute("ry") ? num(e, "ry") : rx;
        if (rx == 0 && ry == 0) {
            return new Rectangle2D.Double(x, y, w, h);
        }
        return new RoundRectangle2D.Double(x, y, w, h, 2 * rx, 2 * ry);
    }

    private static double num(Element e, String name) {
        String value = e.getAttribute(name);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    private static Shape path(String d) {
        var path = new Path2D.Double();
        var scanner = new Scanner(d.replaceAll("([MLCQZmlcqz])", " $1 ").replace(',', ' '));
        char command = 'M';
        while (scanner.hasNext()) {
            if (scanner.hasNextDouble()) {
                // implicit repetition of the previous command
            } else {
                command = scanner.next().charAt(0);
            }
            switch (command) {
                case 'M' -> {
                    path.moveTo(scanner.nextDouble(), scanner.nextDouble());
                    command = 'L';
                }
                case 'L' -> path.lineTo(scanner.nextDouble(), scanner.nextDouble());
                case 'Q' -> path.quadTo(scanner.nextDouble(), scanner.nextDouble(),
                        scanner.nextDouble(), scanner.nextDouble());
                case 'C' -> path.curveTo(scanner.nextDouble(), scanner.nextDouble(), scanner.nextDouble(),
                        scanner.nextDouble(), scanner.nextDouble(), scanner.nextDouble());
                case 'Z', 'z' -> {
                    path.closePath();
                    if (scanner.hasNextDouble()) {
                        throw new IllegalArgumentException("numbers after Z in path: " + d);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported path command " + command
                        + " (only absolute M L C Q Z)");
            }
        }
        return path;
    }
}
