// Package data holds the product's content: the 13 prefecture-level cities of
// Jiangsu, what the source article reports about eight of them, the themes
// those reports touch, and the generated map geometry.
//
// It is plain typed Go with no go-app import, so the server, the build tools
// and the WebAssembly app all share one copy. Validate checks the content;
// the build calls it and stops with a message naming the city and field.
package data
