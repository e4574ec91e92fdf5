// Takhin Console's monitoring socket, written from its WebSocket document
// alone (net/http and gorilla/websocket).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"../serverkit"
	"github.com/gorilla/websocket"
)

type Message struct {
	Type      string      `json:"type"`
	Timestamp int64       `json:"timestamp"`
	Data      interface{} `json:"data,omitempty"`
}

type PartitionLag struct {
	Partition     int   `json:"partition"`
	CurrentOffset int64 `json:"currentOffset"`
	LogEndOffset  int64 `json:"logEndOffset"`
	Lag           int64 `json:"lag"`
}

type TopicLag struct {
	Topic         string         `json:"topic"`
	TotalLag      int64          `json:"totalLag"`
	PartitionLags []PartitionLag `json:"partitionLags"`
}

type ConsumerLag struct {
	GroupID   string     `json:"groupId"`
	TotalLag  int64      `json:"totalLag"`
	TopicLags []TopicLag `json:"topicLags"`
}

type TopicStat struct {
	Name          string  `json:"name"`
	Partitions    int     `json:"partitions"`
	TotalMessages int64   `json:"totalMessages"`
	TotalBytes    int64   `json:"totalBytes"`
	ProduceRate   float64 `json:"produceRate"`
	FetchRate     float64 `json:"fetchRate"`
}

type Metrics struct {
	Throughput    map[string]float64 `json:"throughput"`
	Latency       map[string]float64 `json:"latency"`
	TopicStats    []TopicStat        `json:"topicStats"`
	ConsumerLags  []ConsumerLag      `json:"consumerLags"`
	ClusterHealth map[string]int64   `json:"clusterHealth"`
}

var (
	apiKey = flag.String("api-key", "", "API key the socket requires (Authorization: Bearer or ?api_key=); empty disables authentication")
	every  = serverkit.Every
)

type client struct {
	conn *websocket.Conn
	send chan Message
	subs map[string]bool // "topic:x", "group:y"; none means every update
}

type hub struct {
	mu      sync.Mutex
	clients map[*client]bool
}

// broadcast sends metrics to all; a topic or group update only to clients that
// subscribed to it, or that subscribed to nothing.
func (h *hub) broadcast(msg Message, key string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		if key != "" && len(c.subs) > 0 && !c.subs[key] {
			continue
		}
		select {
		case c.send <- msg:
		default:
			delete(h.clients, c)
			close(c.send)
		}
	}
}

func (h *hub) remove(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients[c] {
		delete(h.clients, c)
		close(c.send)
	}
}

func (h *hub) shutdown() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		serverkit.GoingAway(c.conn)
	}
}

func (h *hub) count() int64 { h.mu.Lock(); defer h.mu.Unlock(); return int64(len(h.clients)) }

func (h *hub) metrics(tick int) Metrics {
	m := Metrics{
		Throughput: map[string]float64{"produceRate": 1500.5 + float64(tick), "fetchRate": 1200.3, "produceBytes": 1048576, "fetchBytes": 819200},
		Latency:    map[string]float64{"produceP50": 5.2, "produceP95": 12.8, "produceP99": 25.6, "fetchP50": 3.1, "fetchP95": 8.5, "fetchP99": 15.2},
		TopicStats: []TopicStat{{"test-topic", 3, 10000 + int64(tick)*10, 5242880, 500, 400}},
		ClusterHealth: map[string]int64{"activeConnections": h.count(), "totalTopics": 10, "totalPartitions": 30, "totalConsumers": 3,
			"diskUsageBytes": 10485760, "memoryUsageBytes": 52428800, "goroutineCount": int64(runtime.NumGoroutine())},
	}
	// Lags are appended as groups are found lagging: on a tick with none the slice stays nil.
	if tick%2 == 0 {
		m.ConsumerLags = append(m.ConsumerLags, ConsumerLag{"consumer-group-1", 150, []TopicLag{{"test-topic", 150,
			[]PartitionLag{{0, 8500, 8550, 50}, {1, 9000, 9100, 100}}}}})
	}
	return m
}

func (h *hub) run(ctx context.Context) {
	metrics := time.NewTicker(every(2 * time.Second))
	events := time.NewTicker(every(1 * time.Second))
	for tick, step := 0, 0; ; {
		now := time.Now().Unix()
		select {
		case <-ctx.Done():
			return
		case <-metrics.C:
			tick++
			h.broadcast(Message{"metrics", now, h.metrics(tick)}, "")
		case <-events.C:
			step++
			// a topic is created, a group rebalances, the topic is deleted: one step a second
			topic := fmt.Sprintf("topic-%d", step/3%3+1)
			group := fmt.Sprintf("consumer-group-%d", step%2+1)
			switch step % 3 {
			case 0:
				h.broadcast(Message{"topic_created", now, map[string]interface{}{"name": topic, "partitions": 5}}, "topic:"+topic)
			case 1:
				state := []string{"Stable", "PreparingRebalance", "CompletingRebalance"}[step/3%3]
				h.broadcast(Message{"group_updated", now, map[string]interface{}{"groupId": group, "state": state, "members": 3}}, "group:"+group)
			case 2:
				h.broadcast(Message{"topic_deleted", now, map[string]interface{}{"name": topic}}, "topic:"+topic)
				h.broadcast(Message{"group_updated", now, map[string]interface{}{"groupId": group, "state": "Stable", "members": 2}}, "group:"+group)
			}
		}
	}
}

type clientMessage struct {
	Type string `json:"type"`
	Data string `json:"data"`
}

func (h *hub) readPump(c *client) {
	defer func() { h.remove(c); _ = c.conn.Close() }()
	serverkit.KeepAlive(c.conn)
	for {
		_, raw, err := c.conn.ReadMessage()
		if err != nil {
			return
		}
		var in clientMessage
		if err := json.Unmarshal(raw, &in); err != nil {
			// "The server will close the connection ... Client sends malformed messages"
			frame := websocket.FormatCloseMessage(websocket.CloseUnsupportedData, "malformed message")
			_ = c.conn.WriteControl(websocket.CloseMessage, frame, time.Now().Add(serverkit.WriteWait))
			return
		}
		switch in.Type {
		case "ping":
			h.reply(c, Message{Type: "pong", Timestamp: time.Now().Unix()})
		case "subscribe", "unsubscribe":
			h.mu.Lock()
			if in.Type == "subscribe" {
				c.subs[in.Data] = true
			} else {
				delete(c.subs, in.Data)
			}
			h.mu.Unlock()
		}
	}
}

func (h *hub) reply(c *client, msg Message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients[c] {
		select {
		case c.send <- msg:
		default:
		}
	}
}

// authorized: the key from "Authorization: Bearer <key>" or, for browsers, ?api_key=.
func authorized(r *http.Request) bool {
	if *apiKey == "" {
		return true
	}
	key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if key == "" {
		key = r.URL.Query().Get("api_key")
	}
	return key == *apiKey
}

func main() {
	flag.Parse()
	upgrader := serverkit.Upgrader()
	h := &hub{clients: map[*client]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/monitoring/ws", func(w http.ResponseWriter, r *http.Request) {
		if !authorized(r) {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			log.Println("upgrade:", err)
			return
		}
		c := &client{conn: conn, send: make(chan Message, 256), subs: map[string]bool{}}
		h.mu.Lock()
		h.clients[c] = true
		h.mu.Unlock()
		go serverkit.WritePump(conn, c.send)
		go h.readPump(c)
	})
	serverkit.Serve("takhin", mux, h.run, h.shutdown)
}
