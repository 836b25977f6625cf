package org.gatewaybench.backend;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport of the backend and of the probes: native epoll where its library loads
 * (Linux x86_64 and aarch64), Java NIO elsewhere. Both behave the same for the harness; epoll
 * costs less CPU per connection, which matters at tens of thousands of connections.
 */
public final class NettyTransport {

    private NettyTransport() {
    }

    /** Whether the native transport is in use. */
    public static boolean nativeEpoll() {
        return Epoll.isAvailable();
    }

    /** A new event loop group of {@code threads} threads (0 = Netty's default) named {@code name}-N. */
    public static EventLoopGroup newGroup(int threads, String name) {
        IoHandlerFactory io = nativeEpoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    }

    public static Class<? extends ServerSocketChannel> serverChannel() {
        return nativeEpoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> clientChannel() {
        return nativeEpoll() ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
