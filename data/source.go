package data

// Article credits the one news article that all of the package's content is
// drawn from.
type Article struct {
	// Headline is the main headline: Zh exactly as printed, En our translation,
	// marked as such.
	Headline Text
	// Subheadline is the second headline, over the report on the three
	// aspiring cities: Zh exactly as printed (its two printed lines joined by a
	// space), En our translation, marked as such.
	Subheadline Text
	// Year is the year the article reports on. The page carries no dateline;
	// the year comes from the text itself ("2024年，注定是扬州向“新”而行的奋进之年").
	Year int
	// Note tells the reader that this article is the only source.
	Note Text
}

// Source is the article behind the map. The page scan names no publication,
// author, web address or publication date, so none is given here.
var Source = Article{
	Headline: Text{
		Zh: "看江苏万亿之城的“新”动作",
		En: "“Jiangsu's trillion-yuan cities and their ‘new’ moves” (headline translated)",
	},
	Subheadline: Text{
		Zh: "瞄准万亿之城 江苏这三市频现“新”动作",
		En: "“Eyeing trillion-yuan status, three Jiangsu cities keep making ‘new’ moves” (headline translated)",
	},
	Year: 2024,
	Note: Text{
		Zh: "本地图的全部内容都来自这一篇新闻报道，没有使用其他来源。报道页面未注明刊物名称、作者和发布日期。",
		En: "Everything on this map comes from this one news article; no other source is used. The article page does not name its publication, author or publication date.",
	},
}
