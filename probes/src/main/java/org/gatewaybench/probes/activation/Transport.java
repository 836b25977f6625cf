package org.gatewaybench.probes.activation;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A one-thread Netty event loop and the channel type that goes with it: native epoll where its
 * library loads (finer timers, less garbage), NIO elsewhere.
 */
record Transport(EventLoopGroup group, Class<? extends SocketChannel> channelType, String name) {

    static Transport oneThread(String threadName) {
        DefaultThreadFactory threads = new DefaultThreadFactory(threadName, true);
        if (Epoll.isAvailable()) {
            return new Transport(new MultiThreadIoEventLoopGroup(1, threads, EpollIoHandler.newFactory()),
                    EpollSocketChannel.class, "epoll");
        }
        return new Transport(new MultiThreadIoEventLoopGroup(1, threads, NioIoHandler.newFactory()),
                NioSocketChannel.class, "nio");
    }
}
