package story

import "github.com/jiangsu-map/jsmap/data"

// Section is one step of the story: a part's opening or a city's section.
// Its map highlights Cities; its dates are those of the cities' dated
// initiatives in package data (see Dates), so that the page and the map
// never disagree.
type Section struct {
	// ID names the section's anchor (#s-ID) and its map.
	ID string
	// Part marks the opening of one of the article's two parts (an h2);
	// the others are a city's section (an h3) within the part before.
	Part bool
	// Cities are the ids the section is about, in the article's order.
	Cities []string
	// Tour is the city whose study tour the section's map draws, or "".
	Tour    string
	Heading data.Text
	// Paras is the section's text: our own words, every fact from the
	// article; names, slogans and figures in “” or 《》 are quoted exactly.
	Paras []data.Text
}

// Sections is the story, in the article's order: the five trillion-yuan
// cities as its paragraphs take them (Nanjing, Wuxi, Nantong, Suzhou,
// Changzhou), then “向着‘万亿之城’进发” and the three aspirants.
var Sections = []Section{
	{
		ID:      "trillion",
		Part:    true,
		Cities:  []string{"suzhou", "nanjing", "wuxi", "nantong", "changzhou"},
		Heading: data.Text{Zh: "五座万亿之城", En: "Five trillion-yuan cities"},
		Paras: []data.Text{{
			Zh: "报道开篇写道，经济总量跻身万亿，意味着一座城市的综合实力迈上新高度，在全国乃至世界经济版图中的位置更加重要；它也意味着新的起点、新的担当。苏州、南京、无锡、南通、常州这五座万亿之城，正在因地制宜发展新质生产力。",
			En: "The report opens with what joining the trillion-yuan club means: a city's overall economic strength reaches a new level, and its place on the economic map of China and the world grows more important. It is also a new starting point that brings new responsibilities. The five cities already there — Suzhou, Nanjing, Wuxi, Nantong and Changzhou — are developing new quality productive forces in ways suited to their local conditions.",
		}},
	},
	{
		ID:      "nanjing",
		Cities:  []string{"nanjing"},
		Heading: data.Text{Zh: "南京：布局低空经济", En: "Nanjing: the low-altitude economy"},
		Paras: []data.Text{{
			Zh: "3月14日下午，南京以低空经济为主题举办“服务企业·面对面”活动。南京正积极布局低空经济，想把它打造成发展新质生产力的新引擎。",
			En: "On the afternoon of 14 March, Nanjing held a “Serving Enterprises Face to Face” event devoted to the low-altitude economy, a sector the city is actively building up as a new engine of new quality productive forces.",
		}},
	},
	{
		ID:      "wuxi",
		Cities:  []string{"wuxi"},
		Heading: data.Text{Zh: "无锡：大力布局空天产业", En: "Wuxi: a push into aerospace"},
		Paras: []data.Text{{
			Zh: "无锡正在大力布局空天产业。2月23日上午，东方空间产业园正式开工，东方空间航天动力总部项目和空天产业配套项目都将全面展开建设。无锡要从新产业里积蓄新质生产力。",
			En: "Wuxi is pushing hard into the aerospace industry. On the morning of 23 February, work officially began on the Dongfang Kongjian (东方空间) industrial park; Dongfang Kongjian's space propulsion headquarters project and supporting aerospace projects are all to move into full-scale construction. Wuxi is counting on new industries for new quality productive forces.",
		}},
	},
	{
		ID:      "nantong",
		Cities:  []string{"nantong"},
		Heading: data.Text{Zh: "南通：以先进制造业为骨干", En: "Nantong: advanced manufacturing as the backbone"},
		Paras: []data.Text{{
			Zh: "南通将加快构建以先进制造业为骨干的现代化产业体系，努力打造“中国现代工业名城”，为江苏成为发展新质生产力的重要阵地出力。",
			En: "Nantong will speed up building a modern industrial system with advanced manufacturing as its backbone. It aims to become a “renowned modern industrial city of China” and to help make Jiangsu an important base for new quality productive forces.",
		}},
	},
	{
		ID:      "suzhou",
		Cities:  []string{"suzhou"},
		Heading: data.Text{Zh: "苏州：算力全国第六、全省第一", En: "Suzhou: sixth in China for computing power"},
		Paras: []data.Text{{
			Zh: "报道说，算力是数字经济时代的关键生产力，在新质生产力的形成中作用日益凸显。在《中国算力发展指数白皮书(2023年)》发布的全国算力二十强市榜单上，苏州全国排名第六、全省排名第一。苏州正在加快推进“三核三区两基地”的算力空间布局。",
			En: "Computing power, the report says, is a key productive force of the digital economy and ever more important in forming new quality productive forces. On the national list of the top 20 cities for computing power in the China Computing Power Development Index White Paper (2023), Suzhou ranks sixth in China and first in Jiangsu. It is now speeding up a spatial plan for computing power known as “three cores, three zones, two bases”.",
		}},
	},
	{
		ID:      "changzhou",
		Cities:  []string{"changzhou"},
		Heading: data.Text{Zh: "常州：像育树造林一样培育创新", En: "Changzhou: growing innovation like a forest"},
		Paras: []data.Text{{
			Zh: "常州经济总量超过万亿之后，必须答好的题目是打造具有全球影响力的产业科技创新中心。常州把培育创新比作育树造林：厚植沃土、选种育苗、嫁接资源、构建生态，为江苏打造这样的创新中心作出更大贡献。",
			En: "Now that Changzhou's economy has passed one trillion yuan, the question it must answer is how to build an industrial science and technology innovation centre with global influence. The city likens cultivating innovation to growing a forest — enrich the soil, choose and raise seedlings, graft on resources, build an ecosystem — and means to contribute more to Jiangsu's effort to build such a centre.",
		}},
	},
	{
		ID:      "aspirants",
		Part:    true,
		Cities:  []string{"xuzhou", "yangzhou", "yancheng"},
		Heading: data.Text{Zh: "向着“万亿之城”进发", En: "Heading for a trillion"},
		Paras: []data.Text{{
			Zh: "报道接着写道：这个春天，新质生产力不断汇聚发展动能。对瞄准下一个“万亿之城”的城市来说，加快发展新质生产力是“关键一招”。徐州、扬州、盐城都先后明确提出过万亿目标，它们又有哪些新动作？",
			En: "This spring, the report goes on, new quality productive forces have kept gathering momentum, and for the cities aiming to be the next to reach a trillion, speeding them up is “the key move”. Xuzhou, Yangzhou and Yancheng have each set themselves a trillion-yuan target. What are they doing now?",
		}},
	},
	{
		ID:      "xuzhou",
		Cities:  []string{"xuzhou"},
		Heading: data.Text{Zh: "徐州：打造制造业强市", En: "Xuzhou: a manufacturing powerhouse"},
		Paras: []data.Text{
			{
				Zh: "徐州是一座老工业城市，早在2021年就喊出“2025年GDP力争破万亿”的口号。2月18日的“新春第一会”上，市委书记宋乐伟再次强调，徐州要打造全国有地位、全球有影响的制造业强市：在工程机械产业之外，聚焦打造“343”创新产业集群和“5+X”未来产业体系，到2025年确保工业规模过万亿。这次会议还定下了2024年的发展重点：向集群要规模，向科技要动能，向数字要赋能，向企业要质量，向绿色要效益。",
				En: "Xuzhou, an old industrial city, coined the slogan “strive for GDP above one trillion yuan in 2025” as early as 2021. At its first work meeting after the Lunar New Year, on 18 February 2024, Party Secretary Song Lewei stressed again that Xuzhou must become a manufacturing powerhouse with national standing and global influence. Beyond construction machinery, it will concentrate on its “343” innovative industrial clusters and its “5+X” future-industry system, and make sure industry passes one trillion yuan in scale by 2025. The same meeting set the priorities for 2024: scale from clusters, momentum from science and technology, empowerment from digital technology, quality from enterprises and returns from green development.",
			},
			{
				Zh: "报道称，未来产业是发展新质生产力的主阵地。年初，徐州制定了加快培育发展未来产业的指导意见和三年行动方案，要加快培育氢能与新型储能、深地空间利用、第三代半导体、细胞和基因技术、通用人工智能5个成长型未来产业。3月12日，徐州召开国家可持续发展议程创新示范区建设工作推进会；报道说，建设这个示范区是徐州因地制宜发展新质生产力的重要抓手。",
				En: "Future industries, the report says, are the main front for new quality productive forces. Early in 2024 Xuzhou drew up guidelines and a three-year action plan for them, naming five growth-stage future industries to cultivate faster: hydrogen and new energy storage, deep underground space, third-generation semiconductors, cell and gene technology, and artificial general intelligence. On 12 March it held a meeting to push ahead with its national innovation demonstration zone for the sustainable development agenda, which the report calls an important lever for developing new quality productive forces suited to local conditions.",
			},
		},
	},
	{
		ID:      "yangzhou",
		Cities:  []string{"yangzhou"},
		Tour:    "yangzhou",
		Heading: data.Text{Zh: "扬州：引培“专精特新”，走出去取经", En: "Yangzhou: SRDI enterprises and a study tour"},
		Paras: []data.Text{
			{
				Zh: "2月18日，扬州的“新春第一会”释放出明确信号：早日跨进万亿GDP行列，努力在现代化建设中走在全国城市前列。作为长三角地区的经济重镇，扬州今年把“加快形成新质生产力”写入政府工作报告，提出“打造长三角有影响力和竞争力的先进制造业基地”。日前出台的《扬州市2024年专精特新企业内培外引行动方案》提出，力争今年13条重点产业链规上企业专精特新集聚度达到20%。",
				En: "At Yangzhou's first work meeting after the Lunar New Year, on 18 February, the message was clear: join the trillion-yuan GDP club at an early date, and be among the country's leading cities in modernisation. An economic hub of the Yangtze River Delta, Yangzhou wrote “speeding up the formation of new quality productive forces” into its government work report for 2024 and set out to build an advanced manufacturing base with influence and competitiveness in the Delta. A recently issued action plan for growing and attracting specialised, refined, distinctive and innovative (SRDI) enterprises aims for them to make up 20% of the industrial enterprises above designated size (the larger firms China's industrial statistics track) in its 13 key industrial chains in 2024.",
			},
			{
				Zh: "在向内谋划的同时，扬州也选择“走出去”学习经验。3月14日至16日，市委书记王进健、市长潘国强率领党政代表团，先后到合肥、杭州、湖州、苏州、无锡五个城市学习考察，借鉴兄弟城市发展新质生产力的实践和经验。",
				En: "Besides planning at home, Yangzhou went out to learn. From 14 to 16 March, Party Secretary Wang Jinjian and Mayor Pan Guoqiang led a Party and government delegation to five cities in turn — Hefei, Hangzhou, Huzhou, Suzhou and Wuxi — to learn from how their peers develop new quality productive forces.",
			},
		},
	},
	{
		ID:      "yancheng",
		Cities:  []string{"yancheng"},
		Heading: data.Text{Zh: "盐城：新质生产力与新型工业化良性互动", En: "Yancheng: new productive forces and new industrialisation"},
		Paras: []data.Text{
			{
				Zh: "盐城同样靠工业起家，燕舞、森达等都曾是全国知名企业。2023年，盐城全市工业实时开票销售10074.1亿元，连续三年跨越四个千亿级台阶。2月18日，盐城召开全市新型工业化推进大会：以碳达峰试点城市建设为契机，以“5+2”新兴产业和23条产业链建设为主抓手。",
				En: "Yancheng, too, was built on industry; its firms Yanwu and Senda were once famous across China. In 2023 the city's real-time invoiced industrial sales reached 1,007.41 billion yuan (10074.1亿元), about 1.01 trillion, having climbed four 100-billion-yuan steps in three years. On 18 February a city-wide conference launched its drive for new industrialisation, taking its role as a carbon-peaking pilot city as an opportunity and its “5+2” emerging industries and 23 industrial chains as the main levers.",
			},
			{
				Zh: "3月14日，盐城市召开传达学习贯彻全国两会精神会议。市委书记周斌强调，要锚定工业强市不动摇，坚持绿色低碳不懈怠，实现新质生产力与新型工业化的良性互动。",
				En: "On 14 March, at a meeting to pass on and carry out the outcomes of the national Two Sessions (the annual meetings of the National People's Congress and the Chinese People's Political Consultative Conference), Party Secretary Zhou Bin called on the city to hold firm to industrial strength and to green, low-carbon development, so that new quality productive forces and new industrialisation reinforce each other.",
			},
		},
	},
}
