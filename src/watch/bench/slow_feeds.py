# Loopback feed server: every /feedN.xml answers after 200 ms with 5 items.
import http.server, socketserver, time, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(0.2)
        n = self.path.strip('/').replace('.xml', '')
        items = ''.join(f'<item><title>Story {n} item {i} about the council vote</title><link>http://example.org/{n}/{i}</link><pubDate>Mon, 25 Mar 2024 1{i}:00:00 GMT</pubDate><description>The city council of town {n} voted on item {i} of the budget on Monday, officials said.</description></item>' for i in range(5))
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{n}</title>{items}</channel></rss>'.encode()
        self.send_response(200); self.send_header('Content-Type', 'application/rss+xml'); self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
class S(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
S(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
