// VeloFlux's WebSocket feeds and their control endpoints, written from its
// document alone (net/http and gorilla/websocket).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"sync"
	"time"

	"../serverkit"
	"github.com/gorilla/websocket"
)

type HealthCheck struct {
	Path           string `json:"path"`
	Interval       string `json:"interval"`
	Timeout        string `json:"timeout"`
	ExpectedStatus int    `json:"expected_status"`
}

type Backend struct {
	Address     string       `json:"address"`
	Pool        string       `json:"pool"`
	Weight      int          `json:"weight"`
	Status      string       `json:"status"`
	Healthy     bool         `json:"healthy"`
	Connections int          `json:"connections"`
	LastUsed    time.Time    `json:"last_used"`
	Region      string       `json:"region,omitempty"`
	HealthCheck *HealthCheck `json:"health_check,omitempty"`
}

// WSMessage is one struct for the three feeds: what a feed does not use is omitted.
type WSMessage struct {
	Type      string      `json:"type"`
	Backends  []Backend   `json:"backends,omitempty"`
	Data      interface{} `json:"data,omitempty"`
	Timestamp time.Time   `json:"timestamp"`
	Forced    bool        `json:"forced,omitempty"`
}

var (
	started = time.Now()
	feeds   = []string{"backends", "metrics", "status"}
	every   = serverkit.Every
)

type hub struct {
	mu      sync.Mutex
	clients map[string]map[*websocket.Conn]chan WSMessage
	paused  map[string]bool
	tick    int
}

func (h *hub) send(feed string, msg WSMessage) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for conn, ch := range h.clients[feed] {
		select {
		case ch <- msg:
		default:
			delete(h.clients[feed], conn)
			close(ch)
		}
	}
}

func (h *hub) backends() []Backend {
	h.mu.Lock()
	t := h.tick
	h.mu.Unlock()
	check := &HealthCheck{"/health", (30 * time.Second).String(), (5 * time.Second).String(), 200}
	return []Backend{
		{"192.168.1.100:8080", "web-servers", 100, "healthy", true, 40 + t%5, time.Now().Add(-time.Second), "us-east-1", check},
		{"192.168.1.101:8080", "web-servers", 50, "unhealthy", false, 0, time.Time{}, "", check},
		{"192.168.1.110:9000", "api-servers", 100, "healthy", true, 12, time.Now(), "sa-east-1", nil},
	}
}

func (h *hub) message(feed string, forced bool) WSMessage {
	h.mu.Lock()
	clients := len(h.clients["backends"]) + len(h.clients["metrics"]) + len(h.clients["status"])
	h.tick++
	t := h.tick
	h.mu.Unlock()
	now := time.Now()
	switch feed {
	case "backends":
		return WSMessage{Type: "backend_status", Backends: h.backends(), Timestamp: now, Forced: forced}
	case "metrics":
		return WSMessage{Type: "metrics", Timestamp: now, Forced: forced, Data: map[string]interface{}{
			"requests_total": 15420 + t*7, "requests_per_second": 45.2, "avg_response_time": 125, "error_rate": 0.02,
			"active_connections": 52, "healthy_backends": 2, "total_backends": 3, "websocket_clients": clients,
			"pools_count": 2, "availability": 66.67, "avg_last_used": now.Add(-2 * time.Second),
			"pool_metrics": map[string]interface{}{
				"web-servers": map[string]interface{}{"total_backends": 2, "healthy_backends": 1, "active_connections": 40, "health_percentage": 50.0},
				"api-servers": map[string]interface{}{"total_backends": 1, "healthy_backends": 1, "active_connections": 12, "health_percentage": 100.0},
			},
			"load_distribution": map[string]float64{"web-servers": 76.9, "api-servers": 23.1},
			"cluster_enabled":   false, "is_leader": true, "adaptive_enabled": true, "current_strategy": "round_robin",
		}}
	default:
		return WSMessage{Type: "system_status", Timestamp: now, Forced: forced, Data: map[string]interface{}{
			"status": "degraded", "uptime": started, "version": "1.1.0", "websocket_clients": clients,
			"total_backends": 3, "healthy_backends": 2, "backend_health_percentage": 66.67, "pools_count": 2,
			"cluster_enabled": false, "node_id": "node-001", "is_leader": true,
			"adaptive_balancer_enabled": true, "current_strategy": "round_robin",
		}}
	}
}

func (h *hub) run(ctx context.Context) {
	tickers := map[string]*time.Ticker{
		"backends": time.NewTicker(every(5 * time.Second)),
		"metrics":  time.NewTicker(every(10 * time.Second)),
		"status":   time.NewTicker(every(15 * time.Second)),
	}
	for {
		feed := ""
		select {
		case <-ctx.Done():
			return
		case <-tickers["backends"].C:
			feed = "backends"
		case <-tickers["metrics"].C:
			feed = "metrics"
		case <-tickers["status"].C:
			feed = "status"
		}
		h.mu.Lock()
		paused := h.paused[feed]
		h.mu.Unlock()
		if !paused {
			h.send(feed, h.message(feed, false))
		}
	}
}

func (h *hub) shutdown() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, conns := range h.clients {
		for conn := range conns {
			serverkit.GoingAway(conn)
		}
	}
}

func (h *hub) serveFeed(upgrader *websocket.Upgrader, feed string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			log.Println("upgrade:", err)
			return
		}
		ch := make(chan WSMessage, 64)
		h.mu.Lock()
		h.clients[feed][conn] = ch
		h.mu.Unlock()
		go serverkit.WritePump(conn, ch)
		// The feeds read nothing: the loop only sees pongs and the close.
		defer func() {
			h.mu.Lock()
			if _, ok := h.clients[feed][conn]; ok {
				delete(h.clients[feed], conn)
				close(ch)
			}
			h.mu.Unlock()
		}()
		serverkit.KeepAlive(conn)
		for {
			if _, _, err := conn.ReadMessage(); err != nil {
				return
			}
		}
	}
}

type controlRequest struct {
	Action string `json:"action"`
	Type   string `json:"type"`
}

// types resolves "all" and refuses what the document does not list.
func types(kind string) ([]string, bool) {
	if kind == "all" || kind == "" {
		return feeds, true
	}
	for _, f := range feeds {
		if f == kind {
			return []string{kind}, true
		}
	}
	return nil, false
}

// readRequest answers a refusal itself (plain text, as http.Error writes it).
func readRequest(w http.ResponseWriter, r *http.Request) (controlRequest, bool) {
	var req controlRequest
	if r.Method != http.MethodPost {
		http.Error(w, "Method not allowed", http.StatusMethodNotAllowed)
		return req, false
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "Invalid JSON", http.StatusBadRequest)
		return req, false
	}
	return req, true
}

func (h *hub) control(w http.ResponseWriter, r *http.Request) {
	req, ok := readRequest(w, r)
	if !ok {
		return
	}
	kinds, known := types(req.Type)
	if !known || (req.Action != "pause" && req.Action != "resume") {
		http.Error(w, "Invalid action or type", http.StatusBadRequest)
		return
	}
	h.mu.Lock()
	for _, k := range kinds {
		h.paused[k] = req.Action == "pause"
	}
	h.mu.Unlock()
	writeJSON(w, map[string]interface{}{"success": true, "message": fmt.Sprintf("Updates %sd for %s", req.Action, req.Type)})
}

func (h *hub) forceUpdate(w http.ResponseWriter, r *http.Request) {
	req, ok := readRequest(w, r)
	if !ok {
		return
	}
	kinds, known := types(req.Type)
	if !known {
		http.Error(w, "Invalid type", http.StatusBadRequest)
		return
	}
	for _, k := range kinds {
		h.send(k, h.message(k, true))
	}
	writeJSON(w, map[string]interface{}{"success": true, "message": "Forced update sent for " + req.Type})
}

func writeJSON(w http.ResponseWriter, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func main() {
	flag.Parse()
	upgrader := serverkit.Upgrader()
	h := &hub{clients: map[string]map[*websocket.Conn]chan WSMessage{}, paused: map[string]bool{}}
	mux := http.NewServeMux()
	for _, f := range feeds {
		h.clients[f] = map[*websocket.Conn]chan WSMessage{}
		mux.HandleFunc("/api/ws/"+f, h.serveFeed(upgrader, f))
	}
	mux.HandleFunc("/api/ws/control", h.control)
	mux.HandleFunc("/api/ws/force-update", h.forceUpdate)
	serverkit.Serve("veloflux", mux, h.run, h.shutdown)
}
