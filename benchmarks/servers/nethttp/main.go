// Command nethttp serves the routes of examples/httpplain with the standard
// library's net/http, so wrk compares like with like: GET or HEAD
// /plaintext answers "Hello, World!" as text/plain, GET or HEAD /json
// answers {"message":"Hello, World!"} serialised per request, other methods
// get 405 with an Allow header, other paths 404; every response carries
// Server, Date, Content-Type and Content-Length.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"strconv"
)

const helloText = "Hello, World!"

// message is the JSON route's body.
type message struct {
	Message string `json:"message"`
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/plaintext", getOnly(plaintext))
	mux.HandleFunc("/json", getOnly(jsonHello))
	fmt.Printf("listening on %s\n", ln.Addr())
	log.Fatal(http.Serve(ln, mux))
}

// getOnly answers methods other than GET and HEAD with 405, as httpplain
// does.
func getOnly(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "nethttp")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "405 Method Not Allowed", http.StatusMethodNotAllowed)
			return
		}
		h(w, r)
	}
}

func plaintext(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Content-Length", strconv.Itoa(len(helloText)))
	w.Write([]byte(helloText))
}

func jsonHello(w http.ResponseWriter, _ *http.Request) {
	body, err := json.Marshal(message{Message: helloText})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}
