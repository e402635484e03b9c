package data

// Article credits the one news article that all of the package's content is
// drawn from.
type Article struct {
	// Headline is the main headline: Zh exactly as printed, En our
	// translation, which whoever shows it marks as ours.
	Headline Text
	// Subheadline is the second headline, over the report on the three
	// aspiring cities: Zh exactly as printed (its two printed lines joined by
	// an ideographic space, U+3000, Chinese typesetting's own: an ordinary
	// space between two Chinese characters reads as a typo), En our
	// translation, marked as ours wherever it is shown.
	Subheadline Text
	// Year is the year the article reports on. The page carries no dateline;
	// the year comes from the text itself ("2024年，注定是扬州向“新”而行的奋进之年").
	Year int
	// Note tells the reader what the article does not print (a
	// publication, an author, a date) and that the summaries and
	// translations are ours.
	Note Text
}

// Source is the article behind the map. The page scan names no publication,
// author, web address or publication date, so none is given here.
var Source = Article{
	Headline: Text{
		Zh: "看江苏万亿之城的“新”动作",
		En: "Jiangsu's trillion-yuan cities and their ‘new’ moves",
	},
	Subheadline: Text{
		Zh: "瞄准万亿之城　江苏这三市频现“新”动作",
		En: "Eyeing a trillion, three Jiangsu cities keep making ‘new’ moves",
	},
	Year: 2024,
	Note: Text{
		Zh: "报道中未印出刊物名称、作者和日期。地图上的文字由我们据报道改写。",
		En: "It prints no publication, author or date. Summaries and translations are ours.",
	},
}
