package io.mtcassistant.sim;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The connection handling of a simulation's front port: accepts on a bound listener, serves each connection on its
 * own daemon thread, and remembers the open sockets so that closing the front ends every connection too.
 */
public final class LoopbackConnections implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    /** Starts accepting on {@code listener}; {@code serve} runs once per connection, on a thread of its own. */
    public LoopbackConnections(ServerSocket listener, String threadName, Consumer<Socket> serve) {
        this.listener = listener;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    threads.execute(() -> serve.accept(client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Runs more work for a connection (the other direction of a copy) on the same threads. */
    public void execute(Runnable work) {
        threads.execute(work);
    }

    /** A socket to close with the front. */
    public void track(Socket socket) {
        open.add(socket);
    }

    /** Closes the sockets and forgets them. */
    public void closeAndForget(Socket... sockets) {
        for (Socket socket : sockets) {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    public static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(LoopbackConnections::closeQuietly);
        threads.shutdownNow();
    }
}
