// Package serverkit is what the three Go servers share and no document
// describes: the test flags (port line, speed, origins), CORS, gorilla's
// write pump and keep-alive, and a graceful shutdown. Each system's reading
// of its document (messages, auth, cadences) stays in its own main.go.
package serverkit

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/gorilla/websocket"
)

var (
	port     = flag.Int("port", 8080, "port (0 picks a free one)")
	host     = flag.String("host", "127.0.0.1", "address to listen on")
	speed    = flag.Float64("speed", 1, "divide every cadence by this")
	origins  = flag.String("allowed-origins", "", "comma-separated origins allowed (CORS and the upgrade's Origin check); * for any; empty keeps gorilla's same-origin check")
	corsOnly = flag.Bool("cors-only", false, "allow -allowed-origins for CORS only: the upgrade keeps gorilla's same-origin check (a CORS middleware added, the Upgrader left as it was)")
)

// The timings of gorilla's chat example, which Go servers copy.
const (
	WriteWait = 10 * time.Second
	PongWait  = 60 * time.Second
)

// Every is a cadence divided by -speed.
func Every(d time.Duration) time.Duration { return time.Duration(float64(d) / *speed) }

func originAllowed(origin string) bool {
	for _, o := range strings.Split(*origins, ",") {
		if o != "" && (o == "*" || o == origin) {
			return true
		}
	}
	return false
}

// Upgrader keeps gorilla's default CheckOrigin unless -allowed-origins (without -cors-only) says otherwise.
func Upgrader() *websocket.Upgrader {
	upgrader := &websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}
	if *origins != "" && !*corsOnly {
		upgrader.CheckOrigin = func(r *http.Request) bool {
			return r.Header.Get("Origin") == "" || originAllowed(r.Header.Get("Origin"))
		}
	}
	return upgrader
}

// CORS answers preflights and marks every answer, refusals included, for the allowed origins.
func CORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" && originAllowed(origin) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			w.Header().Set("Vary", "Origin")
			if r.Method == http.MethodOptions {
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// WritePump writes what arrives on send as JSON (a closed channel: a close frame) and pings every 9/10 of PongWait.
func WritePump[T any](conn *websocket.Conn, send <-chan T) {
	ticker := time.NewTicker(Every(PongWait * 9 / 10))
	defer func() { ticker.Stop(); _ = conn.Close() }()
	for {
		select {
		case msg, ok := <-send:
			_ = conn.SetWriteDeadline(time.Now().Add(WriteWait))
			if !ok {
				_ = conn.WriteMessage(websocket.CloseMessage, []byte{})
				return
			}
			if err := conn.WriteJSON(msg); err != nil {
				return
			}
		case <-ticker.C:
			_ = conn.SetWriteDeadline(time.Now().Add(WriteWait))
			if err := conn.WriteMessage(websocket.PingMessage, nil); err != nil {
				return
			}
		}
	}
}

// pongGrace is added to the scaled PongWait: the chat example pings at 9/10 of it, which leaves a
// pong 6 s at real speed but 0.3 s at the tests' speed 20, less than a loaded test machine's
// Node process may stall before answering. One second more keeps the reading and the tests honest.
const pongGrace = time.Second

// KeepAlive drops a socket that answers no ping within PongWait.
func KeepAlive(conn *websocket.Conn) {
	conn.SetReadLimit(4096)
	_ = conn.SetReadDeadline(time.Now().Add(Every(PongWait) + pongGrace))
	conn.SetPongHandler(func(string) error {
		return conn.SetReadDeadline(time.Now().Add(Every(PongWait) + pongGrace))
	})
}

// GoingAway closes a socket with 1001, as a server shutting down does.
func GoingAway(conn *websocket.Conn) {
	frame := websocket.FormatCloseMessage(websocket.CloseGoingAway, "server shutting down")
	_ = conn.WriteControl(websocket.CloseMessage, frame, time.Now().Add(time.Second))
	_ = conn.Close()
}

// Serve listens on -host:-port, prints {"system":...,"port":N}, runs run until SIGTERM,
// then stops accepting and calls goodbye (hijacked sockets are not the http.Server's to close).
func Serve(system string, handler http.Handler, run func(context.Context), goodbye func()) {
	listener, err := net.Listen("tcp", net.JoinHostPort(*host, fmt.Sprint(*port)))
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	go run(ctx)
	srv := &http.Server{Handler: CORS(handler)}
	go func() { _ = srv.Serve(listener) }()
	fmt.Printf("{\"system\":%q,\"port\":%d}\n", system, listener.Addr().(*net.TCPAddr).Port)
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	goodbye()
}
