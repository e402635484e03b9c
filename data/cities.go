package data

// cities is the content, in display order: the five trillion-yuan cities in
// the order the article lists them (苏州、南京、无锡、南通、常州), then the three
// aspiring cities in the article's order (徐州、扬州、盐城), then the five cities
// the article does not cover, in administrative-code order.
//
// Every fact comes from the one source article (see Source). Titles,
// summaries and leads are our own wording; quoted slogans, names, programme
// names and every Figure.Value are copied exactly from the article.
// Within a city, dated initiatives are in date order; undated ones sit where
// the article's account places them.
var cities = []City{
	{
		ID:     "suzhou",
		Name:   Text{Zh: "苏州", En: "Suzhou"},
		Status: Trillion,
		Lead: Text{
			Zh: "苏州是文中列出的五座万亿之城之一。报道称，这些城市正掀起向“新”向“质”而行的热潮；文中关于苏州的内容聚焦算力。",
			En: "Suzhou is one of the five trillion-yuan cities the article lists, all of them developing new quality productive forces suited to local conditions. What the article reports on Suzhou is about computing power.",
		},
		Initiatives: []Initiative{
			{
				Title: Text{
					Zh: "算力全国第六、全省第一",
					En: "Sixth in China and first in Jiangsu for computing power",
				},
				Summary: Text{
					Zh: "文章指出，算力是数字经济时代的关键生产力，在新质生产力形成中的作用越来越突出。在《中国算力发展指数白皮书(2023年)》公布的全国算力二十强市榜单上，苏州位列全国第六，居江苏省第一。",
					En: "The article calls computing power a key productive force of the digital economy, one that plays an ever larger part in forming new quality productive forces. On the list of China's top 20 cities for computing power in the China Computing Power Development Index White Paper (2023), Suzhou ranked sixth in China and first in Jiangsu.",
				},
				Themes: []ThemeID{ThemeComputing},
				Figures: []Figure{
					{Value: "第六", En: "6th", Label: Text{Zh: "全国算力二十强市榜单全国排名", En: "National rank among the top 20 computing-power cities"}},
					{Value: "第一", En: "1st", Label: Text{Zh: "全省排名", En: "Rank within Jiangsu"}},
					{Value: "《中国算力发展指数白皮书(2023年)》", En: "China Computing Power Development Index White Paper (2023)", Label: Text{Zh: "榜单出处", En: "Source of the ranking"}},
				},
				Quotes: []string{
					"作为数字经济时代的关键生产力，算力在新质生产力形成中的作用日益凸显。",
					"根据《中国算力发展指数白皮书(2023年)》发布的全国算力二十强市榜单，苏州在全国排名第六，在全省排名第一。",
				},
			},
			{
				Title: Text{
					Zh: "推进“三核三区两基地”算力空间布局",
					En: "Building out the “three cores, three zones, two bases” computing layout",
				},
				Summary: Text{
					Zh: "苏州正在加快推进“三核三区两基地”的算力空间布局。",
					En: "Suzhou is speeding up work on its computing-power layout of “three cores, three zones and two bases” (三核三区两基地).",
				},
				Themes: []ThemeID{ThemeComputing},
				Figures: []Figure{
					{Value: "三核三区两基地", En: "Three cores, three zones, two bases", Label: Text{Zh: "算力空间布局", En: "Spatial layout for computing power"}},
				},
				Quotes: []string{
					"苏州正加快推进“三核三区两基地”算力空间布局。",
				},
			},
		},
	},
	{
		ID:     "nanjing",
		Name:   Text{Zh: "南京", En: "Nanjing"},
		Status: Trillion,
		Lead: Text{
			Zh: "南京是文中列出的五座万亿之城之一，正积极布局低空经济，把它作为发展新质生产力的新引擎。",
			En: "Nanjing, one of the five trillion-yuan cities the article lists, is actively building up the low-altitude economy as a new engine for developing new quality productive forces.",
		},
		Initiatives: []Initiative{
			{
				Date: "2024-03-14",
				Title: Text{
					Zh: "以低空经济为主题的“服务企业·面对面”活动",
					En: "A “Serving Enterprises Face to Face” event on the low-altitude economy",
				},
				Summary: Text{
					Zh: "3月14日下午，南京围绕低空经济这一主题举办“服务企业·面对面”活动。报道称，南京正积极布局低空经济，要把它打造成发展新质生产力的新引擎。",
					En: "On the afternoon of 14 March, Nanjing held a “Serving Enterprises Face to Face” (服务企业·面对面) event themed on the low-altitude economy. The city is actively building up the sector to make it a new engine for developing new quality productive forces.",
				},
				Themes: []ThemeID{ThemeLowAltitude},
				Figures: []Figure{
					{Value: "服务企业·面对面", En: "Serving Enterprises Face to Face", Label: Text{Zh: "活动名称", En: "Event name"}},
				},
				Quotes: []string{
					"3月14日下午，南京以低空经济为主题举办“服务企业·面对面”活动，积极布局低空经济，打造发展新质生产力新引擎。",
				},
			},
		},
	},
	{
		ID:     "wuxi",
		Name:   Text{Zh: "无锡", En: "Wuxi"},
		Status: Trillion,
		Lead: Text{
			Zh: "无锡是文中列出的五座万亿之城之一，正大力布局空天产业，向新产业要新质生产力。",
			En: "Wuxi, one of the five trillion-yuan cities the article lists, is making a major push into the aerospace industry, looking to new industries for new quality productive forces.",
		},
		Initiatives: []Initiative{
			{
				Date: "2024-02-23",
				Title: Text{
					Zh: "东方空间产业园开工",
					En: "Dongfang Kongjian (东方空间) industrial park breaks ground",
				},
				Summary: Text{
					Zh: "2月23日上午，东方空间产业园正式开工，东方空间航天动力总部项目与空天产业配套项目都将进入全面建设阶段。这是无锡大力布局空天产业、蓄力从新产业中培育新质生产力的一步。",
					En: "On the morning of 23 February, construction officially began on the Dongfang Kongjian (东方空间) industrial park. Dongfang Kongjian's space propulsion headquarters project and supporting aerospace-industry projects are all to move into full-scale construction, part of Wuxi's major push into aerospace to draw new quality productive forces from new industries.",
				},
				Themes: []ThemeID{ThemeAerospace},
				Figures: []Figure{
					{Value: "东方空间产业园", En: "Dongfang Kongjian industrial park", Label: Text{Zh: "开工的产业园", En: "Industrial park that broke ground"}},
					{Value: "东方空间航天动力总部项目", En: "Dongfang Kongjian space propulsion headquarters project", Label: Text{Zh: "进入全面建设的项目", En: "Project moving into full-scale construction"}},
				},
				Quotes: []string{
					"与此同时，无锡正在大力布局空天产业，2月23日上午，东方空间产业园正式开工，东方空间航天动力总部项目、空天产业配套项目都将进入全面展开建设阶段，蓄力向新产业要新质生产力。",
				},
			},
		},
	},
	{
		ID:     "nantong",
		Name:   Text{Zh: "南通", En: "Nantong"},
		Status: Trillion,
		Lead: Text{
			Zh: "南通是文中列出的五座万亿之城之一，正以先进制造业为骨干构建现代化产业体系，目标是中国现代工业名城。",
			En: "Nantong, one of the five trillion-yuan cities the article lists, is building a modern industrial system with advanced manufacturing as its backbone, aiming to become a renowned modern industrial city of China.",
		},
		Initiatives: []Initiative{
			{
				Title: Text{
					Zh: "打造中国现代工业名城",
					En: "Becoming a renowned modern industrial city of China",
				},
				Summary: Text{
					Zh: "南通将加快构建一个以先进制造业为骨干的现代化产业体系，努力打造“中国现代工业名城”，为江苏成为发展新质生产力的重要阵地出力。",
					En: "Nantong will speed up building a modern industrial system with advanced manufacturing as its backbone, strive to become a “renowned modern industrial city of China” (中国现代工业名城), and help make Jiangsu an important base for developing new quality productive forces.",
				},
				Themes: []ThemeID{ThemeManufacturing},
				Figures: []Figure{
					{Value: "中国现代工业名城", En: "A renowned modern industrial city of China", Label: Text{Zh: "目标", En: "Goal"}},
				},
				Quotes: []string{
					"南通将加快构建以先进制造业为骨干的现代化产业体系，奋力打造中国现代工业名城，助力江苏成为发展新质生产力的重要阵地。",
				},
			},
		},
	},
	{
		ID:     "changzhou",
		Name:   Text{Zh: "常州", En: "Changzhou"},
		Status: Trillion,
		Lead: Text{
			Zh: "常州经济总量已超万亿，是文中列出的五座万亿之城之一。它接下来必须答好的题目，是打造具有全球影响力的产业科技创新中心。",
			En: "Changzhou's economy has passed one trillion yuan, making it one of the five trillion-yuan cities the article lists. The question it must now answer is how to build an industrial science and technology innovation centre with global influence.",
		},
		Initiatives: []Initiative{
			{
				Title: Text{
					Zh: "像育树造林一样培育创新",
					En: "Growing innovation the way one grows a forest",
				},
				Summary: Text{
					Zh: "报道把打造具有全球影响力的产业科技创新中心，称为常州经济总量超万亿后必须答好的题目。常州把培育创新比作育树造林，将扎实做好厚植沃土、选种育苗、嫁接资源、构建生态，为江苏打造具有全球影响力的产业科技创新中心作出更大贡献。",
					En: "The article calls building an industrial science and technology innovation centre with global influence the question Changzhou must answer now that its economy has passed one trillion yuan. Likening the cultivation of innovation to growing a forest, Changzhou will steadily enrich the soil, select and raise seedlings, graft on resources and build an ecosystem, to contribute more to Jiangsu's effort to build such a centre.",
				},
				Themes: []ThemeID{ThemeInnovation},
				Figures: []Figure{
					{Value: "具有全球影响力的产业科技创新中心", En: "An industrial science and technology innovation centre with global influence", Label: Text{Zh: "目标", En: "Goal"}},
					{Value: "厚植沃土、选种育苗、嫁接资源、构建生态", En: "Enrich the soil, select and raise seedlings, graft on resources, build an ecosystem", Label: Text{Zh: "培育创新的四项举措", En: "Four steps for cultivating innovation"}},
				},
				Quotes: []string{
					"打造具有全球影响力的产业科技创新中心，是常州经济总量超万亿后必须答好的题目。",
					"培育创新如同育树造林，常州将扎扎实实厚植沃土、选种育苗、嫁接资源、构建生态，为江苏打造具有全球影响力的产业科技创新中心作出更大贡献。",
				},
			},
		},
	},
	{
		ID:     "xuzhou",
		Name:   Text{Zh: "徐州", En: "Xuzhou"},
		Status: Aspiring,
		Target: Text{
			Zh: "徐州早在2021年就喊出“2025年GDP力争破万亿”的口号；2024年2月18日的“新春第一会”又提出，到2025年确保工业规模过万亿。",
			En: "As early as 2021 Xuzhou adopted the slogan “strive for GDP above one trillion yuan in 2025” (2025年GDP力争破万亿). At its first work meeting after the Lunar New Year, on 18 February 2024, it added the aim of making sure that industry exceeds one trillion yuan in scale by 2025.",
		},
		Lead: Text{
			Zh: "徐州是一座老工业城市，近年来一直在发展中寻求突破，如今新型工业化与枢纽型经济双轮驱动，先进制造业与现代服务业互为支撑。当前，徐州继续向高而攀、向新而行，加快创新步伐、探索新路径，赋能新质生产力发展，协同推动区域高质量发展。",
			En: "Xuzhou, an old industrial city, has for years been looking for ways to break new ground. Two engines now drive it, new industrialisation and a hub economy, and its advanced manufacturing and modern services support each other. Setting its sights higher and on what is new, it is speeding up innovation and exploring new paths to foster new quality productive forces and, together with the wider region, drive high-quality development.",
		},
		Initiatives: []Initiative{
			{
				Date: "2024-02-18",
				Title: Text{
					Zh: "“新春第一会”：打造制造业强市",
					En: "New Year work meeting: becoming a manufacturing powerhouse",
				},
				Summary: Text{
					Zh: "徐州早在2021年就提出“2025年GDP力争破万亿”。2月18日的“新春第一会”上，市委书记宋乐伟再次强调，徐州要打造全国有地位、全球有影响的制造业强市：在工程机械产业之外，聚焦打造“343”创新产业集群和“5+X”未来产业体系，围绕“补链、延链、强链”推动十大产业集群创新发展行动计划落地落实，到2025年确保工业规模过万亿，制造业占比明显提升。",
					En: "Xuzhou adopted the slogan “strive for GDP above one trillion yuan in 2025” (2025年GDP力争破万亿) back in 2021. At the New Year work meeting on 18 February, Party Secretary Song Lewei (宋乐伟) stressed again that Xuzhou must become a manufacturing powerhouse with national standing and global influence. Beyond construction machinery, it will concentrate on its “343” innovative industrial clusters and its “5+X” system of future industries and, by filling gaps in, extending and strengthening industrial chains (补链、延链、强链), keep putting into practice its action plan for the innovative development of ten major industrial clusters. By 2025 it is to make sure that industry exceeds one trillion yuan in scale and that manufacturing's share rises markedly.",
				},
				Themes: []ThemeID{ThemeManufacturing, ThemeClusters, ThemeFutureIndustries, ThemeTrillionGoal},
				Figures: []Figure{
					{Value: "2025年GDP力争破万亿", En: "Strive for GDP above 1 trillion yuan in 2025", Label: Text{Zh: "2021年起的口号", En: "Slogan since 2021"}},
					{Value: "全国有地位、全球有影响的制造业强市", En: "A manufacturing powerhouse with national standing and global influence", Label: Text{Zh: "目标", En: "Goal"}},
					{Value: "343", Label: Text{Zh: "创新产业集群", En: "Innovative industrial clusters"}},
					{Value: "5+X", Label: Text{Zh: "未来产业体系", En: "Future-industry system"}},
					{Value: "补链、延链、强链", En: "Fill gaps in, extend and strengthen industrial chains", Label: Text{Zh: "产业链工作方向", En: "Work on industrial chains"}},
					{Value: "十大产业集群创新发展行动计划", En: "Action plan for the innovative development of ten major industrial clusters", Label: Text{Zh: "行动计划", En: "Action plan"}},
					{Value: "到2025年确保工业规模过万亿", En: "Make sure industry exceeds 1 trillion yuan in scale by 2025", Label: Text{Zh: "工业目标", En: "Industrial goal"}},
				},
				Quotes: []string{
					"早在2021年，徐州就喊出“2025年GDP力争破万亿”的口号。",
					"今年2月18日，徐州召开“新春第一会”，徐州市委书记宋乐伟在会上再次强调，徐州要打造全国有地位、全球有影响的制造业强市，除了工程机械产业外，还要聚焦打造“343”创新产业集群和“5+X”未来产业体系，围绕“补链、延链、强链”，不断推动十大产业集群创新发展行动计划落地落实，到2025年确保工业规模过万亿、制造业占比明显提升。",
				},
			},
			{
				Date: "2024-02-18",
				Title: Text{
					Zh: "明确2024年发展重点",
					En: "Priorities for 2024",
				},
				Summary: Text{
					Zh: "在2月18日的“新春第一会”上，徐州还明确了2024年的发展重点：聚焦加快形成新质生产力，向集群要规模，向科技要动能，向数字要赋能，向企业要质量，向绿色要效益，汇聚加快推进新型工业化的强大合力。",
					En: "The same New Year work meeting on 18 February set Xuzhou's priorities for 2024: to focus on speeding up the formation of new quality productive forces; to seek scale from clusters, momentum from science and technology, empowerment from digital technology, quality from enterprises and returns from green development; and to pool strength to speed up new industrialisation.",
				},
				Themes: []ThemeID{ThemeIndustrialisation, ThemeClusters, ThemeInnovation, ThemeGreen},
				Figures: []Figure{
					{Value: "向集群要规模，向科技要动能，向数字要赋能，向企业要质量，向绿色要效益", En: "Scale from clusters, momentum from science and technology, empowerment from digital technology, quality from enterprises, returns from green development", Label: Text{Zh: "2024年发展重点", En: "Priorities for 2024"}},
				},
				Quotes: []string{
					"今年2月18日，徐州召开“新春第一会”，徐州市委书记宋乐伟在会上再次强调，徐州要打造全国有地位、全球有影响的制造业强市，除了工程机械产业外，还要聚焦打造“343”创新产业集群和“5+X”未来产业体系，围绕“补链、延链、强链”，不断推动十大产业集群创新发展行动计划落地落实，到2025年确保工业规模过万亿、制造业占比明显提升。",
					"“新春第一会”上明确了2024年徐州的发展重点：聚焦加快形成新质生产力，向集群要规模，向科技要动能，向数字要赋能，向企业要质量，向绿色要效益，汇聚加快推进新型工业化的强大合力。",
				},
			},
			{
				Title: Text{
					Zh: "出台未来产业指导意见和三年行动方案",
					En: "Guidelines and a three-year action plan for future industries",
				},
				Summary: Text{
					Zh: "报道称，未来产业是发展新质生产力的主阵地。2024年初，徐州制定了《徐州市加快培育发展未来产业的指导意见》和《徐州市加快培育发展未来产业三年行动方案（2024—2026年）》，明确要加快培育氢能与新型储能、深地空间利用、第三代半导体、细胞和基因技术、通用人工智能这5个成长型未来产业，并谋划布局零碳负碳、前沿新材料、虚拟现实、生物育种等前沿性未来产业。",
					En: "The article calls future industries the main front for developing new quality productive forces. Early in 2024 Xuzhou drew up Guidelines on Speeding Up the Cultivation and Development of Future Industries and a Three-Year Action Plan (2024–2026) to the same end. They name five growth-stage future industries to cultivate faster: hydrogen and new energy storage, deep underground space use, third-generation semiconductors, cell and gene technology, and artificial general intelligence. They also plan for frontier future industries such as zero- and negative-carbon technology, frontier new materials, virtual reality and biological breeding.",
				},
				Themes: []ThemeID{ThemeFutureIndustries},
				Figures: []Figure{
					{Value: "《徐州市加快培育发展未来产业的指导意见》", En: "Xuzhou Guidelines on Speeding Up the Cultivation and Development of Future Industries", Label: Text{Zh: "指导意见", En: "Guidelines"}},
					{Value: "《徐州市加快培育发展未来产业三年行动方案（2024—2026年）》", En: "Xuzhou Three-Year Action Plan for Speeding Up the Cultivation and Development of Future Industries (2024–2026)", Label: Text{Zh: "三年行动方案", En: "Three-year action plan"}},
					{Value: "5个", En: "5", Label: Text{Zh: "成长型未来产业数量", En: "Number of growth-stage future industries"}},
					{Value: "氢能与新型储能、深地空间利用、第三代半导体、细胞和基因技术、通用人工智能", En: "Hydrogen and new energy storage; deep underground space use; third-generation semiconductors; cell and gene technology; artificial general intelligence", Label: Text{Zh: "成长型未来产业", En: "Growth-stage future industries"}},
					{Value: "零碳负碳、前沿新材料、虚拟现实、生物育种", En: "Zero- and negative-carbon technology; frontier new materials; virtual reality; biological breeding", Label: Text{Zh: "前沿性未来产业", En: "Frontier future industries"}},
				},
				Quotes: []string{
					"发展新质生产力，未来产业是主阵地。",
					"年初，徐州制定《徐州市加快培育发展未来产业的指导意见》和《徐州市加快培育发展未来产业三年行动方案（2024—2026年）》，明确提出将加快培育氢能与新型储能、深地空间利用、第三代半导体、细胞和基因技术、通用人工智能5个成长型未来产业，谋划布局零碳负碳、前沿新材料、虚拟现实、生物育种等前沿性未来产业。",
				},
			},
			{
				Date: "2024-03-12",
				Title: Text{
					Zh: "推进国家可持续发展议程创新示范区建设",
					En: "Pushing ahead with its national demonstration zone for sustainable development",
				},
				Summary: Text{
					Zh: "3月12日，徐州市召开国家可持续发展议程创新示范区建设工作推进会，调度工作进展，部署下一阶段的重点任务。报道指出，建设这一示范区是徐州因地制宜发展新质生产力的重要抓手。",
					En: "On 12 March Xuzhou held a meeting to push ahead with building its national innovation demonstration zone for the sustainable development agenda, reviewing progress and setting key tasks for the next stage. The article calls the zone an important lever for developing new quality productive forces suited to local conditions.",
				},
				Themes: []ThemeID{ThemeInnovation, ThemeGreen},
				Figures: []Figure{
					{Value: "国家可持续发展议程创新示范区", En: "National innovation demonstration zone for the sustainable development agenda", Label: Text{Zh: "示范区", En: "Demonstration zone"}},
				},
				Quotes: []string{
					"3月12日，徐州市举行国家可持续发展议程创新示范区建设工作推进会，调度工作进展，部署下阶段重点任务。",
					"因地制宜发展新质生产力，徐州建设国家可持续发展议程创新示范区就是重要的抓手。",
				},
			},
		},
	},
	{
		ID:     "yangzhou",
		Name:   Text{Zh: "扬州", En: "Yangzhou"},
		Status: Aspiring,
		Target: Text{
			Zh: "扬州在2月18日的“新春第一会”上提出，要“早日跨进万亿GDP行列”。",
			En: "At its first work meeting after the Lunar New Year, on 18 February 2024, Yangzhou set the goal of soon joining the ranks of cities with a GDP of one trillion yuan (早日跨进万亿GDP行列).",
		},
		Lead: Text{
			Zh: "作为长三角地区的经济重镇，扬州正引培“专精特新”企业、壮大新质生产力，并走出去向兄弟城市学习经验。",
			En: "An economic hub of the Yangtze River Delta, Yangzhou is growing its own specialised, refined, distinctive and innovative (SRDI) enterprises and attracting more from elsewhere to build up new quality productive forces, and its leaders have toured other cities to learn from them.",
		},
		Initiatives: []Initiative{
			{
				Date: "2024-02-18",
				Title: Text{
					Zh: "“新春第一会”锚定万亿目标",
					En: "New Year work meeting sets the trillion-yuan goal",
				},
				Summary: Text{
					Zh: "文章说，“新春第一会”往往意味着打响开工第一枪。2月18日，扬州的“新春第一会”发出明确信号：早日跨进万亿GDP行列，努力在现代化建设中走在全国城市前列。",
					En: "The article notes that the first work meeting after the Lunar New Year often fires the starting gun for the year's work. At Yangzhou's, on 18 February, the city sent a clear signal: it means to join the ranks of trillion-yuan GDP cities soon and to be among China's leading cities in modernisation.",
				},
				Themes: []ThemeID{ThemeTrillionGoal},
				Figures: []Figure{
					{Value: "早日跨进万亿GDP行列", En: "Join the ranks of trillion-yuan GDP cities soon", Label: Text{Zh: "目标", En: "Goal"}},
					{Value: "努力在现代化建设中走在全国城市前列", En: "Strive to be among China's leading cities in modernisation", Label: Text{Zh: "目标", En: "Goal"}},
				},
				Quotes: []string{
					"“新春第一会”往往意味着打响开工第一枪。",
					"2月18日，扬州的“新春第一会”上也释放出明确信号：早日跨进万亿GDP行列、努力在现代化建设中走在全国城市前列。",
				},
			},
			{
				Title: Text{
					Zh: "“加快形成新质生产力”写入政府工作报告",
					En: "New quality productive forces in the 2024 government work report",
				},
				Summary: Text{
					Zh: "扬州把“加快形成新质生产力”写进2024年政府工作报告，并结合“613”产业体系、产业科创、人才优势和资源禀赋等，提出“打造长三角有影响力和竞争力的先进制造业基地”的发展导向。报道称，2024年注定是扬州向“新”而行的奋进之年。",
					En: "Yangzhou wrote “speed up the formation of new quality productive forces” into its 2024 government work report. Building on its “613” industrial system, its industrial science and innovation, its strengths in talent and resources, it set itself the course of “building an advanced manufacturing base with influence and competitiveness in the Yangtze River Delta”. The article calls 2024 a year in which Yangzhou is bound to strive towards the “new”.",
				},
				Themes: []ThemeID{ThemeManufacturing},
				Figures: []Figure{
					{Value: "613", Label: Text{Zh: "产业体系", En: "Industrial system"}},
					{Value: "打造长三角有影响力和竞争力的先进制造业基地", En: "An advanced manufacturing base with influence and competitiveness in the Yangtze River Delta", Label: Text{Zh: "发展导向", En: "Development direction"}},
				},
				Quotes: []string{
					"作为长三角地区的经济重镇，今年扬州将“加快形成新质生产力”写入政府工作报告，并结合“613”产业体系、产业科创、人才优势和资源禀赋等，提出了“打造长三角有影响力和竞争力的先进制造业基地”的发展导向。",
					"2024年，注定是扬州向“新”而行的奋进之年。",
				},
			},
			{
				Title: Text{
					Zh: "出台专精特新企业内培外引行动方案",
					En: "Action plan to grow and attract SRDI enterprises",
				},
				Summary: Text{
					Zh: "日前，扬州出台《扬州市2024年专精特新企业内培外引行动方案》，从五个方面培育壮大专精特新企业、壮大新质生产力，力争2024年13条重点产业链的规上企业专精特新集聚度达到20%。",
					En: "Yangzhou recently issued its 2024 action plan for growing its own SRDI enterprises and attracting more from elsewhere (《扬州市2024年专精特新企业内培外引行动方案》). It sets out work in five areas to make such enterprises better and stronger and to build up new quality productive forces. Its aim for 2024: SRDI enterprises are to make up 20% of the industrial enterprises above designated size (the larger firms that China's industrial statistics track) in 13 key industrial chains.",
				},
				Themes: []ThemeID{ThemeSpecialisedSMEs, ThemeClusters},
				Figures: []Figure{
					{Value: "《扬州市2024年专精特新企业内培外引行动方案》", En: "Yangzhou 2024 Action Plan for Growing and Attracting SRDI Enterprises", Label: Text{Zh: "行动方案", En: "Action plan"}},
					{Value: "五个方面", En: "Five areas", Label: Text{Zh: "培优培强的方面", En: "Areas of work"}},
					{Value: "13条", En: "13", Label: Text{Zh: "重点产业链", En: "Key industrial chains"}},
					{Value: "20%", Label: Text{Zh: "2024年规上企业专精特新集聚度目标", En: "Target for 2024: share of SRDI enterprises among industrial enterprises above designated size"}},
				},
				Quotes: []string{
					"日前，《扬州市2024年专精特新企业内培外引行动方案》出台，提出从五个方面培优培强专精特新企业，壮大新质生产力，力争今年13条重点产业链规上企业专精特新集聚度达到20%。",
				},
			},
			{
				Date:    "2024-03-14",
				EndDate: "2024-03-16",
				Title: Text{
					Zh: "赴五城学习考察",
					En: "Study tour of five cities",
				},
				Summary: Text{
					Zh: "在向内谋求部署的同时，扬州也选择“走出去”取经。3月14日至16日，扬州市委书记王进健、市长潘国强带领党政代表团，先后到合肥、杭州、湖州、苏州、无锡五个城市学习考察，实地借鉴这些兄弟城市推动高质量发展、因地制宜发展新质生产力的实践和经验。",
					En: "As well as planning at home, Yangzhou looked elsewhere for lessons. From 14 to 16 March, Party Secretary Wang Jinjian (王进健) and Mayor Pan Guoqiang (潘国强) led a Party and government delegation to five cities in turn — Hefei, Hangzhou, Huzhou, Suzhou and Wuxi — to learn at first hand from how these fellow cities pursue high-quality development and develop new quality productive forces suited to local conditions.",
				},
				Themes: []ThemeID{ThemeLearning},
				Figures: []Figure{
					{Value: "合肥、杭州、湖州、苏州、无锡", En: "Hefei, Hangzhou, Huzhou, Suzhou and Wuxi", Label: Text{Zh: "考察的五个城市", En: "The five cities visited"}},
				},
				Quotes: []string{
					"向内谋求部署的同时，也有城市选择“走出去”学习经验。",
					"3月14日至16日，扬州市委书记王进健、市长潘国强率领该市党政代表团先后赴合肥、杭州、湖州、苏州、无锡五个城市学习考察，实地学习借鉴兄弟城市高质量发展、因地制宜发展新质生产力的生动实践和成功经验。",
				},
			},
		},
	},
	{
		ID:     "yancheng",
		Name:   Text{Zh: "盐城", En: "Yancheng"},
		Status: Aspiring,
		Target: Text{
			Zh: "2023年工业实时开票销售已达万亿规模，盐城站在万亿工业新台阶上，向万亿之城奋进。",
			En: "With real-time invoiced industrial sales already at trillion-yuan scale in 2023, Yancheng is pressing on towards becoming a trillion-yuan city (向万亿之城奋进).",
		},
		Lead: Text{
			Zh: "盐城靠工业起家，是长三角北翼重要工业城市，燕舞、森达等都曾是全国知名企业。它要实现新质生产力与新型工业化的良性互动。",
			En: "Yancheng was built on industry. It is an important industrial city on the northern wing of the Yangtze River Delta, and its firms Yanwu (燕舞) and Senda (森达), among others, were once famous across China. It wants new quality productive forces and new industrialisation to reinforce each other.",
		},
		Initiatives: []Initiative{
			{
				Title: Text{
					Zh: "2023年工业实时开票销售10074.1亿元",
					En: "Industrial sales of 1,007.41 billion yuan in 2023",
				},
				Summary: Text{
					Zh: "2023年，盐城全市工业实时开票销售10074.1亿元，连续三年跨越了四个千亿级台阶，形成“万亿规模总量、千亿产业支撑、百亿企业引航”的高质量发展格局。",
					En: "In 2023 Yancheng's real-time invoiced industrial sales reached 1,007.41 billion yuan (10074.1亿元), or about 1.01 trillion yuan; in three years in a row they crossed four 100-billion-yuan thresholds. This has given it a pattern of high-quality development: “a trillion-yuan total, supported by 100-billion-yuan industries and led by 10-billion-yuan enterprises”.",
				},
				Themes: []ThemeID{ThemeManufacturing, ThemeTrillionGoal},
				Figures: []Figure{
					{Value: "10074.1亿元", En: "1,007.41 billion yuan (about 1.01 trillion)", Label: Text{Zh: "2023年工业实时开票销售", En: "Real-time invoiced industrial sales, 2023"}},
					{Value: "连续三年跨越四个千亿级台阶", En: "Four 100-billion-yuan thresholds crossed in three years running", Label: Text{Zh: "增长", En: "Growth in three years"}},
					{Value: "万亿规模总量、千亿产业支撑、百亿企业引航", En: "A trillion-yuan total, supported by 100-billion-yuan industries, led by 10-billion-yuan enterprises", Label: Text{Zh: "发展格局", En: "Development pattern"}},
				},
				Quotes: []string{
					"2023年，全市实现工业实时开票销售10074.1亿元，连续三年跨越四个千亿级台阶，形成“万亿规模总量、千亿产业支撑、百亿企业引航”的高质量发展格局。",
				},
			},
			{
				Date: "2024-02-18",
				Title: Text{
					Zh: "全市新型工业化推进大会",
					En: "City conference on advancing new industrialisation",
				},
				Summary: Text{
					Zh: "2月18日，盐城召开全市新型工业化推进大会，聚焦发展新质生产力，全面开启新型工业化新征程。盐城将把握好推进新型工业化的战略定位，借碳达峰试点城市建设的契机，补齐短板、拉长长板、锻造新板，构建多点支撑、多业并举、多元发展的现代产业体系；同时以“5+2”新兴产业和23条产业链建设为主抓手，推进聚企成链、聚链成群、集群成势，形成“优势产业链+特色产业集群”的发展格局。",
					En: "On 18 February Yancheng held a city-wide conference on advancing new industrialisation, which focused on developing new quality productive forces and set out on a new drive for new industrialisation. Seizing the opportunity of its role as a carbon-peaking pilot city, Yancheng will shore up its weak links, lengthen its strong ones and forge new ones, building a modern industrial system with many pillars, many industries side by side and diverse growth. Its main levers are the “5+2” emerging industries and 23 industrial chains: gathering firms into chains and chains into clusters, and letting the clusters gather momentum, for a pattern of “leading industrial chains plus distinctive industrial clusters”.",
				},
				Themes: []ThemeID{ThemeIndustrialisation, ThemeClusters, ThemeGreen},
				Figures: []Figure{
					{Value: "5+2", Label: Text{Zh: "新兴产业", En: "Emerging industries"}},
					{Value: "23条", En: "23", Label: Text{Zh: "产业链", En: "Industrial chains"}},
					{Value: "补齐短板、拉长长板、锻造新板", En: "Shore up weak links, lengthen strong ones, forge new ones", Label: Text{Zh: "产业举措", En: "Approach to industry"}},
					{Value: "优势产业链+特色产业集群", En: "Leading industrial chains plus distinctive industrial clusters", Label: Text{Zh: "发展格局", En: "Development pattern"}},
				},
				Quotes: []string{
					"2月18日，盐城召开全市新型工业化推进大会，聚力聚焦发展新质生产力，全面开启新型工业化新征程。",
					"盐城将准确把握推进新型工业化的战略定位，以碳达峰试点城市建设为契机，着力补齐短板、拉长长板、锻造新板，积极构建多点支撑、多业并举、多元发展的现代产业体系。",
					"同时，坚持以“5+2”新兴产业和23条产业链建设为主抓手，持续推进聚企成链、聚链成群、集群成势，形成“优势产业链+特色产业集群”发展格局。",
				},
			},
			{
				Date: "2024-03-14",
				Title: Text{
					Zh: "传达全国两会精神：锚定工业强市",
					En: "After the Two Sessions: holding fast to industry",
				},
				Summary: Text{
					Zh: "3月14日，盐城市召开传达学习贯彻全国两会精神会议。市委书记周斌强调，要锚定工业强市不动摇，聚焦“5+2”战略性新兴产业和23条重点产业链，发挥“11669”招商工作体制的作用，全力突破一批重特大项目，实现新质生产力与新型工业化的良性互动。",
					En: "On 14 March Yancheng held a meeting to pass on, study and carry out the outcomes of the national Two Sessions, the annual meetings of the National People's Congress and the Chinese People's Political Consultative Conference (CPPCC). Party Secretary Zhou Bin (周斌) stressed that the city must hold fast to its aim of being a strong industrial city: focusing on the “5+2” strategic emerging industries and 23 key industrial chains, making full use of its “11669” investment-attraction mechanism and pushing through a batch of major projects, so that new quality productive forces and new industrialisation reinforce each other.",
				},
				Themes: []ThemeID{ThemeIndustrialisation, ThemeManufacturing, ThemeClusters},
				Figures: []Figure{
					{Value: "5+2", Label: Text{Zh: "战略性新兴产业", En: "Strategic emerging industries"}},
					{Value: "23条", En: "23", Label: Text{Zh: "重点产业链", En: "Key industrial chains"}},
					{Value: "11669", Label: Text{Zh: "招商工作体制", En: "Investment-attraction mechanism"}},
				},
				Quotes: []string{
					"3月14日，盐城市召开传达学习贯彻全国两会精神会议。",
					"市委书记周斌强调，要锚定工业强市不动摇，聚焦“5+2”战略性新兴产业和23条重点产业链，发挥“11669”招商工作体制作用，全力突破一批重特大项目，实现新质生产力与新型工业化的良性互动。",
				},
			},
			{
				Date: "2024-03-14",
				Title: Text{
					Zh: "传达全国两会精神：坚持绿色低碳",
					En: "After the Two Sessions: staying green and low-carbon",
				},
				Summary: Text{
					Zh: "在3月14日传达学习贯彻全国两会精神的同一会议上，周斌还要求坚持绿色低碳不懈怠：以全国首批碳达峰试点城市建设为契机，推动传统产业“向高攀登”、新兴产业“向新发力”、未来产业“向前而行”；更高水平推进低（零）碳产业园建设，在碳足迹、碳交易等方面先行先试、积极探索，持续壮大绿色产业集群，加快建设现代化产业体系。",
					En: "At the same meeting on 14 March, Zhou Bin also called for unflagging commitment to green, low-carbon development. Building on Yancheng's place among the first national carbon-peaking pilot cities, traditional industries are to “climb higher”, emerging industries to “push into the new” and future industries to “move forward”. The city will build low- (zero-) carbon industrial parks to a higher standard, pioneer work on carbon footprints and carbon trading, keep growing its green industrial clusters and speed up building a modern industrial system.",
				},
				Themes: []ThemeID{ThemeGreen, ThemeFutureIndustries, ThemeClusters},
				Figures: []Figure{
					{Value: "全国首批碳达峰试点城市", En: "Among the first national carbon-peaking pilot cities", Label: Text{Zh: "试点身份", En: "Pilot status"}},
					{Value: "低（零）碳产业园", En: "Low- (zero-) carbon industrial parks", Label: Text{Zh: "园区建设", En: "Industrial parks"}},
					{Value: "碳足迹、碳交易", En: "Carbon footprints, carbon trading", Label: Text{Zh: "先行先试的领域", En: "Areas to pioneer"}},
				},
				Quotes: []string{
					"3月14日，盐城市召开传达学习贯彻全国两会精神会议。",
					"要坚持绿色低碳不懈怠，以全国首批碳达峰试点城市建设为契机，推动传统产业“向高攀登”、新兴产业“向新发力”、未来产业“向前而行”，更高水平推进低（零）碳产业园建设，在碳足迹、碳交易等方面先行先试、积极探索，持续壮大绿色产业集群，加快建设现代化产业体系。",
				},
			},
		},
	},
	{ID: "lianyungang", Name: Text{Zh: "连云港", En: "Lianyungang"}, Status: NotCovered},
	{ID: "huaian", Name: Text{Zh: "淮安", En: "Huai'an"}, Status: NotCovered},
	{ID: "zhenjiang", Name: Text{Zh: "镇江", En: "Zhenjiang"}, Status: NotCovered},
	{ID: "taizhou", Name: Text{Zh: "泰州", En: "Taizhou"}, Status: NotCovered},
	{ID: "suqian", Name: Text{Zh: "宿迁", En: "Suqian"}, Status: NotCovered},
}

// Cities returns all 13 cities in display order: the five trillion-yuan
// cities, the three aspiring cities, then the five the article does not
// cover. The result is a deep copy; changing it does not change the
// package's content.
func Cities() []City {
	out := make([]City, len(cities))
	for i, c := range cities {
		out[i] = c.clone()
	}
	return out
}

// CityByID returns the city with the given id (for example "suzhou"), and
// whether there is one. Ids are matched exactly; "Suzhou" is not an id.
func CityByID(id string) (City, bool) {
	for _, c := range cities {
		if c.ID == id {
			return c.clone(), true
		}
	}
	return City{}, false
}

// IDs returns the 13 city ids in display order.
func IDs() []string {
	out := make([]string, len(cities))
	for i, c := range cities {
		out[i] = c.ID
	}
	return out
}

// clone returns a copy of c that shares no slices with it.
func (c City) clone() City {
	if c.Initiatives == nil {
		return c
	}
	ins := make([]Initiative, len(c.Initiatives))
	for i, in := range c.Initiatives {
		in.Themes = append([]ThemeID(nil), in.Themes...)
		in.Figures = append([]Figure(nil), in.Figures...)
		in.Quotes = append([]string(nil), in.Quotes...)
		ins[i] = in
	}
	c.Initiatives = ins
	return c
}
