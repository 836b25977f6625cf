package org.gatewaybench.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackendServerTest {

    private BackendServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server = new BackendServer().start("b7", "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.port() + path);
    }

    @Test
    void http11KeepAliveIdentifiesTheBackendOnOneConnection() throws Exception {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : List.of("/a", "/tenant-a/orders")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("http", path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(r.headers().firstValue("X-Backend-Id")).contains("b7");
            assertThat(r.headers().firstValue("Content-Type")).contains("text/plain");
            assertThat(r.body()).isEqualTo("backend=b7 host=127.0.0.1:" + server.port() + " path=" + path + "\n");
        }
        assertThat(server.openConnections()).isEqualTo(1);
    }

    @Test
    void hostHeaderIsEchoed() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /x?q=1 HTTP/1.1\r\nHost: shop.tenant-a.test\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String text = readUntil(s.getInputStream(), "\n", "path=/x");
            assertThat(text).startsWith("HTTP/1.1 200").contains("backend=b7 host=shop.tenant-a.test path=/x\n");
        }
    }

    @Test
    void h2cUpgradeAnswersOverHttp2() throws Exception {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("http", "/h2")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-backend-id")).contains("b7");
            assertThat(r.body()).isEqualTo("backend=b7 host=127.0.0.1:" + server.port() + " path=/h2\n");
        }
    }

    @Test
    void h2cWithPriorKnowledgeAnswersOverHttp2() throws Exception {
        EventLoopGroup group = NettyTransport.newGroup(1, "test-h2");
        try {
            Channel connection = new Bootstrap().group(group).channel(NettyTransport.clientChannel())
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                    new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                        }
                    })
                    .connect("127.0.0.1", server.port()).sync().channel();
            CompletableFuture<String> answer = new CompletableFuture<>();
            Http2StreamChannel stream = new Http2StreamChannelBootstrap(connection)
                    .handler(new ChannelInitializer<Http2StreamChannel>() {
                        @Override
                        protected void initChannel(Http2StreamChannel ch) {
                            ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false),
                                    new HttpObjectAggregator(4096),
                                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                                            answer.complete(r.status().code() + " "
                                                    + r.headers().get("x-backend-id") + " "
                                                    + r.content().toString(StandardCharsets.UTF_8));
                                        }
                                    });
                        }
                    }).open().sync().getNow();
            var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/prior");
            request.headers().set(HttpHeaderNames.HOST, "h2.tenant-b.test");
            stream.writeAndFlush(request);
            assertThat(answer.get(10, TimeUnit.SECONDS))
                    .isEqualTo("200 b7 backend=b7 host=h2.tenant-b.test path=/prior\n");
            connection.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void webSocketEchoesTextFramesOnAnyPathEndingInWs() throws Exception {
        client = HttpClient.newHttpClient();
        for (String path : List.of("/ws", "/tenant-a/ws")) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket ws = client.newWebSocketBuilder().buildAsync(uri("ws", path), collector(received))
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("hello 1", true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello 1");
            ws.sendText("hello 2", true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello 2");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void garbledWebSocketEchoDiffers() throws Exception {
        client = HttpClient.newHttpClient();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = client.newWebSocketBuilder().buildAsync(uri("ws", "/ws"), collector(received))
                .get(10, TimeUnit.SECONDS);
        server.fault(BackendFault.GARBLE);
        ws.sendText("m1", true).get(10, TimeUnit.SECONDS);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("garbled:m1");
        ws.abort();
    }

    @Test
    void eventStreamSendsNumberedEventsEveryInterval() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /tenant-a/stream?interval=50ms HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line.toLowerCase());
            }
            assertThat(head).contains("http/1.1 200 ok", "content-type: text/event-stream",
                    "transfer-encoding: chunked", "x-backend-id: b7");
            List<String> events = new ArrayList<>();
            for (String line = in.readLine(); line != null && events.size() < 3; line = in.readLine()) {
                if (line.startsWith("data: ")) {
                    events.add(line);
                }
            }
            assertThat(events).containsExactly("data: 1 b7", "data: 2 b7", "data: 3 b7");
        }
        // The stream stops when the client goes.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> server.openConnections() == 0);
    }

    @Test
    void eventStreamRefusesABadInterval() throws Exception {
        client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("http", "/stream?interval=soon")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("expected a duration like 250ms");
        r = client.send(HttpRequest.newBuilder(uri("http", "/stream?interval=1ms")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("expected at least 10ms");
    }

    @Test
    void stalledBackendKeepsTheConnectionButDoesNotAnswer() throws Exception {
        server.fault(BackendFault.STALL);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(500);
            s.getOutputStream().write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(java.net.SocketTimeoutException.class);
            server.fault(BackendFault.NONE);
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /b HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readUntil(s.getInputStream(), "\n", "path=/b")).contains("backend=b7 host=x path=/b");
        }
    }

    @Test
    void closingTheServerClosesEveryConnection() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            readUntil(s.getInputStream(), "\n", "path=/a");
            server.close();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void refusesAnIdWithSpacesAndASecondStart() {
        assertThatThrownBy(() -> new BackendServer().start("b 1", "127.0.0.1", 0))
                .hasMessageContaining("without spaces");
        assertThatThrownBy(() -> server.start("b8", "127.0.0.1", 0)).hasMessageContaining("already started");
    }

    private static WebSocket.Listener collector(BlockingQueue<String> received) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    /** Reads until {@code marker} and then {@code end} have been seen (bounded by the socket timeout). */
    private static String readUntil(InputStream in, String end, String marker) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 64 * 1024; i++) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
            int at = text.indexOf(marker);
            if (at >= 0 && text.indexOf(end, at) >= 0) {
                break;
            }
        }
        return text.toString();
    }
}
