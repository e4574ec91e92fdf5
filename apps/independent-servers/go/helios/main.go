// Helios' cluster gateway, written from its WebSocket guide alone (gin,
// gorilla/websocket, golang-jwt, as the guide's Go code uses).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"strings"
	"sync"
	"time"

	"../serverkit"
	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt"
	"github.com/gorilla/websocket"
)

// WSMessage is the guide's own struct, with the timestamp as the server has it.
type WSMessage struct {
	Type      string      `json:"type"`
	Timestamp time.Time   `json:"timestamp"`
	Data      interface{} `json:"data,omitempty"`
}

// Subscription: the guide's subscribe flags. A subscribe decodes into a fresh one, so a flag left out is off.
type Subscription struct {
	Status        bool `json:"status"`
	Latency       bool `json:"latency"`
	Uptime        bool `json:"uptime"`
	Snapshot      bool `json:"snapshot"`
	CustomMetrics bool `json:"custom_metrics"`
	StateChanges  bool `json:"state_changes"`
	PeerChanges   bool `json:"peer_changes"`
}

func all() Subscription { return Subscription{true, true, true, true, true, true, true} }

func (s Subscription) wants(kind string) bool {
	switch kind {
	case "status", "status_update":
		return s.Status
	case "latency":
		return s.Latency
	case "uptime":
		return s.Uptime
	case "snapshot":
		return s.Snapshot
	case "custom_metrics":
		return s.CustomMetrics
	case "state_change":
		return s.StateChanges
	case "peer_change":
		return s.PeerChanges
	}
	return true // pong, error
}

type Claims struct {
	Username string `json:"username"`
	Role     string `json:"role"`
	jwt.RegisteredClaims
}

var (
	tokenTTL  = flag.Duration("token-ttl", time.Hour, "lifetime of a login's token")
	jwtSecret = []byte("helios-secret")
	users     = map[string]struct{ password, role string }{"admin": {"admin123", "admin"}, "viewer": {"viewer123", "viewer"}}
	every     = serverkit.Every
)

type client struct {
	conn *websocket.Conn
	send chan WSMessage
	mu   sync.Mutex
	sub  Subscription
}

func (c *client) subscription() Subscription { c.mu.Lock(); defer c.mu.Unlock(); return c.sub }

type hub struct {
	mu      sync.Mutex
	clients map[*client]bool
}

func (h *hub) add(c *client) { h.mu.Lock(); h.clients[c] = true; h.mu.Unlock() }
func (h *hub) remove(c *client) {
	h.mu.Lock()
	if h.clients[c] {
		delete(h.clients, c)
		close(c.send)
	}
	h.mu.Unlock()
}

func (h *hub) broadcast(kind string, data interface{}) {
	msg := WSMessage{Type: kind, Timestamp: time.Now(), Data: data}
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		if !c.subscription().wants(kind) {
			continue
		}
		select {
		case c.send <- msg:
		default: // too slow: drop it, as the chat example does
			delete(h.clients, c)
			close(c.send)
		}
	}
}

// shutdown says goodbye (1001) to every socket before the process exits.
func (h *hub) shutdown() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		serverkit.GoingAway(c.conn)
	}
}

type cluster struct {
	mu     sync.Mutex
	state  string
	term   int
	commit int
	peers  []string
}

func (cl *cluster) status() gin.H {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	leader := "node1"
	if cl.state != "Leader" {
		leader = "node3"
	}
	return gin.H{"node_id": "node1", "state": cl.state, "term": cl.term, "commit_index": cl.commit,
		"last_applied": cl.commit, "leader": leader, "peers": cl.peers}
}

func (h *hub) run(ctx context.Context, cl *cluster) {
	status := time.NewTicker(every(5 * time.Second))
	events := time.NewTicker(every(3 * time.Second))
	started := time.Now()
	for tick := 0; ; {
		select {
		case <-ctx.Done():
			return
		case <-status.C:
			cl.mu.Lock()
			cl.commit += 17
			cl.mu.Unlock()
			h.broadcast("status", cl.status())
		case <-events.C:
			tick++
			h.event(cl, tick, started)
		}
	}
}

// event sends one of the guide's event kinds in turn, so each comes every few seconds.
func (h *hub) event(cl *cluster, tick int, started time.Time) {
	switch tick % 6 {
	case 1:
		cl.mu.Lock()
		old := cl.state
		cl.state = map[string]string{"Leader": "Follower", "Follower": "Candidate", "Candidate": "Leader"}[old]
		cl.term++
		change := gin.H{"old_state": old, "new_state": cl.state, "term": cl.term}
		cl.mu.Unlock()
		h.broadcast("state_change", change)
	case 2:
		cl.mu.Lock()
		event := "added"
		if len(cl.peers) > 0 {
			event, cl.peers = "removed", nil // a lone node: Go's nil slice
		} else {
			cl.peers = append(cl.peers, "node2")
		}
		cl.mu.Unlock()
		h.broadcast("peer_change", gin.H{"event_type": event, "peer_id": "node2", "peer_address": "localhost:8002"})
	case 3:
		h.broadcast("latency", gin.H{"aggregated": gin.H{
			"append_entries": gin.H{"count": 1000 + tick, "avg_value_ms": 2.5, "min_value_ms": 1.0, "max_value_ms": 10.0},
			"request_vote":   gin.H{"count": 12, "avg_value_ms": 1.5, "min_value_ms": 0.8, "max_value_ms": 4.2}}})
	case 4:
		up := time.Since(started).Round(time.Second)
		h.broadcast("uptime", gin.H{"current_uptime": up.String(), "total_sessions": 5, "total_uptime": (120*time.Hour + up).String()})
	case 5:
		h.broadcast("snapshot", gin.H{"index": 1000 + tick, "term": 5, "size_bytes": 1048576, "duration_ms": 150})
	case 0:
		h.broadcast("custom_metrics", gin.H{"request_count": gin.H{"type": "counter", "help": "Total number of requests", "value": 1500 + tick}})
	}
}

type incoming struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

func (h *hub) readPump(c *client, cl *cluster) {
	defer func() { h.remove(c); _ = c.conn.Close() }()
	serverkit.KeepAlive(c.conn)
	for {
		var in incoming
		if err := c.conn.ReadJSON(&in); err != nil {
			if _, syntax := err.(*json.SyntaxError); syntax {
				h.reply(c, "error", gin.H{"error": "Invalid message format"})
				continue
			}
			return
		}
		switch in.Type {
		case "ping":
			h.reply(c, "pong", nil)
		case "subscribe":
			var sub Subscription
			if err := json.Unmarshal(in.Data, &sub); err != nil {
				h.reply(c, "error", gin.H{"error": "Invalid subscription"})
				continue
			}
			c.mu.Lock()
			c.sub = sub
			c.mu.Unlock()
			if sub.Status {
				h.reply(c, "status_update", cl.status())
			}
		case "unsubscribe":
			c.mu.Lock()
			c.sub = Subscription{}
			c.mu.Unlock()
		default:
			h.reply(c, "error", gin.H{"error": "Unknown message type: " + in.Type})
		}
	}
}

func (h *hub) reply(c *client, kind string, data interface{}) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients[c] {
		select {
		case c.send <- WSMessage{Type: kind, Timestamp: time.Now(), Data: data}:
		default:
		}
	}
}

func login(c *gin.Context) {
	var req struct {
		Username string `json:"username" binding:"required"`
		Password string `json:"password" binding:"required"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	user, ok := users[req.Username]
	if !ok || user.password != req.Password {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "invalid credentials"})
		return
	}
	expires := time.Now().Add(*tokenTTL)
	claims := Claims{req.Username, user.role, jwt.RegisteredClaims{
		ExpiresAt: jwt.NewNumericDate(expires), IssuedAt: jwt.NewNumericDate(time.Now()), Subject: req.Username}}
	token, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(jwtSecret)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "could not sign token"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"token": token, "expires_at": expires, "user": gin.H{"username": req.Username, "role": user.role}})
}

// requireAdmin is the guide's rule: a bearer token (query or header) of an admin.
func requireAdmin(c *gin.Context) {
	raw := c.Query("token")
	if raw == "" {
		raw = strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	}
	if raw == "" {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "authorization token required"})
		return
	}
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (interface{}, error) { return jwtSecret, nil })
	if err != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid or expired token"})
		return
	}
	if claims.Role != "admin" {
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "admin permission required"})
		return
	}
	c.Next()
}

func main() {
	flag.Parse()
	gin.SetMode(gin.ReleaseMode)
	upgrader := serverkit.Upgrader()
	h := &hub{clients: map[*client]bool{}}
	cl := &cluster{state: "Leader", term: 5, commit: 1000, peers: []string{"node2", "node3"}}
	router := gin.New()
	router.Use(gin.Recovery())
	router.POST("/api/auth/login", login)
	router.GET("/ws/cluster", requireAdmin, func(c *gin.Context) {
		conn, err := upgrader.Upgrade(c.Writer, c.Request, nil)
		if err != nil {
			log.Println("upgrade:", err)
			return
		}
		cli := &client{conn: conn, send: make(chan WSMessage, 256), sub: all()}
		h.add(cli)
		h.reply(cli, "status_update", cl.status())
		go serverkit.WritePump(conn, cli.send)
		go h.readPump(cli, cl)
	})
	serverkit.Serve("helios", router, func(ctx context.Context) { h.run(ctx, cl) }, h.shutdown)
}
