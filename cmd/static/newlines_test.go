package main

import "testing"

func TestDropNewlines(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"inline elements meet text",
			"<head>\n<title>t</title>\n</head>\n<body>\n<p>\n盐城曾有\n<span lang=\"zh-Hans\">燕舞</span>\n等企业\n</p>\n</body>\n</html>",
			"<head>\n<title>t</title>\n</head>\n<body><p>盐城曾有<span lang=\"zh-Hans\">燕舞</span>等企业</p></body>\n</html>"},
		{"a textarea keeps its lines",
			"<body>\n<div>\n<textarea id=\"x\" readonly>&lt;iframe&gt;\n&lt;script&gt;</textarea>\n<p>a</p>\n</div>\n</body>",
			"<body><div><textarea id=\"x\" readonly>&lt;iframe&gt;\n&lt;script&gt;</textarea><p>a</p></div></body>"},
		{"pre, script and style keep theirs",
			"<body>\n<pre>a\nb</pre>\n<script>x\ny</script>\n<style>\np{}\n</style>\n</body>",
			"<body><pre>a\nb</pre><script>x\ny</script><style>\np{}\n</style></body>"},
		{"a longer name is not a kept element",
			"<body>\n<prefix>a\nb</prefix>\n</body>",
			"<body><prefix>ab</prefix></body>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := dropNewlines(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("dropNewlines(%q) =\n%q, want\n%q", tc.in, got, tc.want)
			}
		})
	}
	for _, bad := range []string{"<p>no body</p>", "<body><textarea>unclosed</body>"} {
		if _, err := dropNewlines(bad); err == nil {
			t.Errorf("dropNewlines(%q): no error, want one", bad)
		}
	}
}
