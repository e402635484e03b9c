package data

// Theme ids. Every initiative carries at least one of them; Validate rejects
// any other id.
const (
	ThemeLowAltitude       ThemeID = "low-altitude"
	ThemeAerospace         ThemeID = "aerospace"
	ThemeComputing         ThemeID = "computing"
	ThemeManufacturing     ThemeID = "manufacturing"
	ThemeInnovation        ThemeID = "innovation"
	ThemeSpecialisedSMEs   ThemeID = "specialised-smes"
	ThemeFutureIndustries  ThemeID = "future-industries"
	ThemeGreen             ThemeID = "green"
	ThemeClusters          ThemeID = "clusters"
	ThemeIndustrialisation ThemeID = "industrialisation"
	ThemeTrillionGoal      ThemeID = "trillion-goal"
	ThemeLearning          ThemeID = "learning"
)

// themes is the fixed theme list, in display order.
var themes = []Theme{
	{ID: ThemeLowAltitude, Name: Text{Zh: "低空经济", En: "Low-altitude economy"}},
	{ID: ThemeAerospace, Name: Text{Zh: "空天产业", En: "Aerospace"}},
	{ID: ThemeComputing, Name: Text{Zh: "算力", En: "Computing power"}},
	{ID: ThemeManufacturing, Name: Text{Zh: "工业与先进制造业", En: "Industry and advanced manufacturing"}},
	{ID: ThemeInnovation, Name: Text{Zh: "科技创新", En: "Science and technology innovation"}},
	{ID: ThemeSpecialisedSMEs, Name: Text{Zh: "专精特新", En: "Specialised, refined, distinctive and innovative (SRDI) enterprises"}},
	{ID: ThemeFutureIndustries, Name: Text{Zh: "未来产业", En: "Future industries"}},
	{ID: ThemeGreen, Name: Text{Zh: "绿色低碳", En: "Green and low-carbon"}},
	{ID: ThemeClusters, Name: Text{Zh: "产业集群与产业链", En: "Industrial clusters and chains"}},
	{ID: ThemeIndustrialisation, Name: Text{Zh: "新型工业化", En: "New industrialisation"}},
	{ID: ThemeTrillionGoal, Name: Text{Zh: "万亿目标", En: "Trillion-yuan goal"}},
	{ID: ThemeLearning, Name: Text{Zh: "学习考察", En: "Study tours"}},
}

// Themes returns the fixed theme list in display order. The slice is a copy;
// changing it does not change the package's content.
func Themes() []Theme {
	out := make([]Theme, len(themes))
	copy(out, themes)
	return out
}

// ThemeByID returns the theme with the given id, and whether there is one.
func ThemeByID(id ThemeID) (Theme, bool) {
	for _, t := range themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}
