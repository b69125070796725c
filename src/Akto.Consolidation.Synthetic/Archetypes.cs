using Akto.Consolidation.Domain.Documents;

namespace Akto.Consolidation.Synthetic;

/// <summary>部门类型: the kinds of department a county has, each with its typical function 类 and spending.</summary>
public enum DepartmentKind
{
    Education,
    Health,
    Agriculture,
    PublicSecurity,
    Transport,
    GovernmentOffice,
    CivilAffairs,
    NaturalResources,
    HousingConstruction,
    Finance,
    CultureTourism,
    ScienceTechnology,
    Ecology,
    IndustryInformation,
    Commerce,
    EmergencyManagement,
    DevelopmentReform,
    MilitaryService,
    Forestry,
    WaterResources,
    MarketRegulation,
    HumanResources,
    Justice,
    VeteransAffairs,
    MedicalInsurance,
    PartyCommittee,
    PeoplesCongress,
    Audit,
    Statistics,
    Court,
    Procuratorate,
    DisabledPersons,
    UrbanManagement,
    Township,
}

/// <summary>Where a unit's own money (单位资金) comes from, beside 财政拨款.</summary>
internal enum OwnIncome
{
    /// <summary>Fully funded by 财政拨款 (行政单位, 全额拨款事业单位).</summary>
    None,

    /// <summary>事业收入 (hospitals, service institutions).</summary>
    BusinessIncome,

    /// <summary>财政专户核拨 (教育收费 of high and vocational schools).</summary>
    SpecialAccount,

    /// <summary>其他收入 (rents, interest).</summary>
    OtherIncome,
}

/// <summary>
/// 项目模板: a named project with its function 项 (alternatives; codes the catalog lacks are skipped), its economic mix,
/// its fund source and its size in 万元. A subsidy project pays <see cref="StandardYuan"/> 元 per recipient.
/// </summary>
internal sealed record ProjectTemplate(
    string Name,
    string[] FunctionCodes,
    string[] EconomicCodes,
    FundSource Source,
    int MinWan,
    int MaxWan,
    string Output,
    string OutputUnit,
    int StandardYuan = 0)
{
    public bool IsSubsidy => StandardYuan > 0;
}

/// <summary>下属单位模板: a kind of subordinate unit ({0} is replaced by a township or an ordinal).</summary>
internal sealed record UnitTemplate(
    string Name,
    string[] OperatingCodes,
    int MinStaff,
    int MaxStaff,
    OwnIncome OwnIncome,
    string Function,
    ProjectTemplate[] Projects);

/// <summary>部门原型: a department kind with its own (行政) unit, its projects and its subordinate units.</summary>
internal sealed record DepartmentArchetype(
    DepartmentKind Kind,
    string Name,
    string[] AdministrationCodes,
    int MinStaff,
    int MaxStaff,
    int SubordinateWeight,
    string[] Functions,
    string[] Divisions,
    ProjectTemplate[] Projects,
    UnitTemplate[] Subordinates,
    bool LawEnforcementVehicles = false);

/// <summary>The department archetypes, in the order a county is filled: the first ones cover the most function 类.</summary>
internal static class Archetypes
{
    /// <summary>Economic mixes of project spending (部门预算支出经济分类 款).</summary>
    internal static class Mix
    {
        public static readonly string[] Goods = ["30201", "30202", "30218", "30299"];
        public static readonly string[] Services = ["30226", "30227", "30299"];
        public static readonly string[] Training = ["30216", "30211", "30226"];
        public static readonly string[] Maintenance = ["30213", "31006", "30299"];
        public static readonly string[] Equipment = ["31002", "31003", "31007"];
        public static readonly string[] Works = ["31005", "31006", "30905"];
        public static readonly string[] Subsidy = ["30305", "30306", "30309", "30399"];
        public static readonly string[] Allowance = ["30101", "30102", "30112", "30113"];
        public static readonly string[] Enterprise = ["31204", "31205", "31299"];
        public static readonly string[] Capital = ["31201", "31299"];
        public static readonly string[] DebtInterest = ["30701"];
        public static readonly string[] DebtFee = ["30703"];
        public static readonly string[] DebtPrincipal = ["39999"];
        public static readonly string[] Other = ["39999", "30299"];
    }

    private static ProjectTemplate P(string name, string[] functions, string[] economics, FundSource source, int min, int max, string output = "完成项目数", string unit = "个", int standardYuan = 0) =>
        new(name, functions, economics, source, min, max, output, unit, standardYuan);

    private static UnitTemplate U(string name, string[] codes, int minStaff, int maxStaff, OwnIncome income, string function, params ProjectTemplate[] projects) =>
        new(name, codes, minStaff, maxStaff, income, function, projects);

    private const FundSource Gb = FundSource.GeneralBudget;
    private const FundSource Gbt = FundSource.GeneralBudgetTransfer;
    private const FundSource Gf = FundSource.GovernmentFund;
    private const FundSource Gft = FundSource.GovernmentFundTransfer;
    private const FundSource Sc = FundSource.StateCapital;

    public static IReadOnlyList<DepartmentArchetype> All { get; } =
    [
        new(DepartmentKind.Education, "教育局", ["2050101"], 25, 45, 24,
            ["贯彻执行国家教育方针政策，统筹全县各级各类教育事业发展", "负责全县义务教育均衡发展和学前教育普及", "管理教育经费，指导学校基本建设和教育装备"],
            ["办公室", "基础教育股", "计划财务股", "人事股", "督导室"],
            [
                P("学生资助补助经费", ["2050202", "2050203", "2050204"], Mix.Subsidy, Gbt, 80, 600, "资助学生人数", "人", 1500),
                P("义务教育薄弱环节改善与能力提升", ["2050202", "2050203"], Mix.Works, Gbt, 200, 1500),
                P("学前教育发展资金", ["2050201"], Mix.Goods, Gbt, 60, 400),
                P("教师培训经费", ["2050801", "2050101"], Mix.Training, Gb, 20, 120, "培训教师人次", "人次"),
                P("农村义务教育学生营养改善计划", ["2050202", "2050203"], Mix.Subsidy, Gbt, 150, 900, "受益学生人数", "人", 1000),
            ],
            [
                U("阿克陶县{0}中心小学", ["2050202"], 30, 110, OwnIncome.None, "实施小学义务教育", P("校舍维修改造", ["2050202"], Mix.Maintenance, Gb, 10, 80)),
                U("阿克陶县{0}中学", ["2050203"], 30, 120, OwnIncome.None, "实施初中义务教育", P("教学设备购置", ["2050203"], Mix.Equipment, Gbt, 10, 90)),
                U("阿克陶县{0}幼儿园", ["2050201"], 10, 50, OwnIncome.OtherIncome, "实施学前教育", P("幼儿园保教经费", ["2050201"], Mix.Goods, Gbt, 5, 40)),
                U("阿克陶县第{1}高级中学", ["2050204"], 60, 200, OwnIncome.SpecialAccount, "实施普通高中教育", P("普通高中助学金", ["2050204"], Mix.Subsidy, Gbt, 20, 200, "资助学生人数", "人", 2000)),
                U("阿克陶县职业技术学校", ["2050302", "2050299"], 40, 120, OwnIncome.SpecialAccount, "实施中等职业教育", P("中职学生免学费补助", ["2050302"], Mix.Subsidy, Gbt, 20, 150, "补助学生人数", "人", 2000)),
                U("阿克陶县教师发展中心", ["2050801", "2050199"], 10, 30, OwnIncome.None, "承担教师进修培训"),
                U("阿克陶县特殊教育学校", ["2050701", "2050299"], 15, 40, OwnIncome.None, "实施特殊教育"),
            ]),
        new(DepartmentKind.Health, "卫生健康委员会", ["2100101"], 20, 40, 14,
            ["贯彻执行卫生健康法律法规和政策", "统筹规划全县卫生健康服务资源配置", "组织实施基本公共卫生服务和重大疾病防控"],
            ["办公室", "医政医管股", "疾病预防控制股", "基层卫生股", "财务股"],
            [
                P("基本公共卫生服务补助资金", ["2100408"], Mix.Services, Gbt, 200, 1200, "服务常住人口", "人"),
                P("重大公共卫生服务资金", ["2100409"], Mix.Services, Gbt, 50, 400),
                P("计划生育家庭奖励扶助", ["2100717", "2100799"], Mix.Subsidy, Gbt, 30, 300, "扶助人数", "人", 960),
                P("突发公共卫生事件应急处置", ["2100410"], Mix.Goods, Gb, 20, 150),
            ],
            [
                U("阿克陶县人民医院", ["2100201"], 200, 600, OwnIncome.BusinessIncome, "承担全县基本医疗服务", P("医疗设备购置", ["2100201"], Mix.Equipment, Gbt, 100, 800)),
                U("阿克陶县维吾尔医医院", ["2100202", "2100201"], 60, 200, OwnIncome.BusinessIncome, "提供中医（民族医）医疗服务", P("民族医药传承发展", ["2100202"], Mix.Goods, Gbt, 20, 150)),
                U("阿克陶县{0}卫生院", ["2100302"], 15, 60, OwnIncome.BusinessIncome, "提供基本医疗和公共卫生服务", P("乡村医生补助", ["2100302"], Mix.Subsidy, Gbt, 10, 60, "补助乡村医生人数", "人", 6000)),
                U("阿克陶县疾病预防控制中心", ["2100401"], 30, 80, OwnIncome.None, "承担疾病预防控制", P("免疫规划经费", ["2100401", "2100409"], Mix.Goods, Gbt, 20, 200)),
                U("阿克陶县卫生健康综合监督执法局", ["2100402"], 15, 40, OwnIncome.None, "承担卫生监督执法"),
                U("阿克陶县妇幼保健院", ["2100403", "2100407"], 40, 120, OwnIncome.BusinessIncome, "提供妇幼保健服务", P("孕产妇和儿童保健", ["2100403", "2100407"], Mix.Services, Gbt, 20, 150)),
            ]),
        new(DepartmentKind.Agriculture, "农业农村局", ["2130101"], 25, 50, 5,
            ["贯彻执行农业农村法律法规和政策", "统筹推进乡村振兴和农业农村现代化", "负责种植业、畜牧业、渔业行业管理"],
            ["办公室", "农业股", "畜牧兽医股", "农村经营管理股", "财务股"],
            [
                P("耕地地力保护补贴", ["2130122", "2130199"], Mix.Subsidy, Gbt, 300, 2000, "补贴面积", "亩"),
                P("动物疫病防控经费", ["2130108", "2130119"], Mix.Goods, Gbt, 50, 300),
                P("高标准农田建设", ["2130135", "2130122", "2130199"], Mix.Works, Gbt, 500, 3000),
                P("衔接推进乡村振兴补助资金", ["2130504", "2130505", "2130599"], Mix.Works, Gbt, 500, 4000),
                P("村级组织运转经费", ["2130705", "2130701"], Mix.Allowance, Gb, 100, 800),
                P("农业保险保费补贴", ["2130803", "2130899"], Mix.Enterprise, Gbt, 100, 600),
            ],
            [
                U("阿克陶县农业技术推广中心", ["2130106", "2130104"], 15, 45, OwnIncome.None, "承担农业技术推广", P("农业技术推广服务", ["2130106"], Mix.Training, Gbt, 20, 120, "培训农民人次", "人次")),
                U("阿克陶县畜牧兽医站", ["2130104", "2130108"], 15, 45, OwnIncome.None, "承担动物防疫和畜牧技术服务"),
                U("阿克陶县农产品质量安全检测站", ["2130109", "2130104"], 8, 20, OwnIncome.None, "承担农产品质量安全检测"),
            ]),
        new(DepartmentKind.PublicSecurity, "公安局", ["2040201"], 150, 400, 2,
            ["维护社会治安秩序，预防、制止和侦查违法犯罪活动", "负责全县道路交通、消防、出入境等管理工作", "指导监督派出所工作"],
            ["指挥中心", "治安大队", "刑侦大队", "交警大队", "警务保障室"],
            [
                P("公安执法办案经费", ["2040220", "2040299"], Mix.Goods, Gb, 100, 600),
                P("公安信息化建设", ["2040219", "2040299"], Mix.Equipment, Gbt, 100, 900),
                P("辅警经费", ["2040299", "2040201"], Mix.Allowance, Gb, 300, 2000, "辅警人数", "人"),
            ],
            [
                U("阿克陶县公安局{0}派出所", ["2040299", "2040201"], 15, 40, OwnIncome.None, "负责辖区治安管理"),
            ],
            LawEnforcementVehicles: true),
        new(DepartmentKind.Transport, "交通运输局", ["2140101"], 15, 35, 2,
            ["负责全县公路、水路交通运输行业管理", "组织实施农村公路建设和养护"],
            ["办公室", "规划建设股", "运输管理股", "财务股"],
            [
                P("农村公路养护补助", ["2140106", "2140199"], Mix.Maintenance, Gbt, 200, 1500, "养护里程", "公里"),
                P("农村公路建设", ["2140104", "2140199"], Mix.Works, Gbt, 500, 4000, "新改建里程", "公里"),
                P("车辆购置税用于农村公路建设", ["2140602", "2140601", "2140104"], Mix.Works, Gbt, 100, 1000, "建设里程", "公里"),
            ],
            [
                U("阿克陶县公路管理站", ["2140106", "2140199"], 20, 60, OwnIncome.None, "承担公路养护管理"),
                U("阿克陶县道路运输服务中心", ["2140112", "2140199"], 10, 30, OwnIncome.OtherIncome, "承担道路运输服务"),
            ],
            LawEnforcementVehicles: true),
        new(DepartmentKind.GovernmentOffice, "人民政府办公室", ["2010301"], 30, 60, 2,
            ["负责县人民政府日常工作，协助县领导处理政务", "督促检查政府工作部门和乡镇贯彻执行县政府决定", "负责政务公开和政务服务"],
            ["秘书科", "综合科", "督查室", "行政科"],
            [
                P("政务服务中心运行经费", ["2010399", "2010302", "2010350"], Mix.Services, Gb, 30, 200),
                P("信访事务经费", ["2010308", "2010399"], Mix.Goods, Gb, 20, 120),
            ],
            [
                U("阿克陶县政务服务中心", ["2010350", "2010399"], 15, 40, OwnIncome.None, "承担政务服务"),
                U("阿克陶县档案馆", ["2012604", "2012699"], 8, 20, OwnIncome.None, "保管和利用档案"),
            ]),
        new(DepartmentKind.CivilAffairs, "民政局", ["2080201"], 15, 35, 3,
            ["负责全县社会救助、社会福利和基层政权建设", "负责婚姻、殡葬、区划地名管理"],
            ["办公室", "社会救助股", "社会事务股", "财务股"],
            [
                P("农村最低生活保障金", ["2081902"], Mix.Subsidy, Gbt, 500, 3000, "保障人数", "人", 4800),
                P("城市最低生活保障金", ["2081901"], Mix.Subsidy, Gbt, 100, 800, "保障人数", "人", 6600),
                P("特困人员救助供养", ["2082102", "2082101"], Mix.Subsidy, Gbt, 100, 600, "供养人数", "人", 9000),
                P("临时救助资金", ["2082001"], Mix.Subsidy, Gb, 30, 200, "救助人次", "人次", 1000),
                P("高龄老人补贴", ["2081002"], Mix.Subsidy, Gbt, 30, 300, "补贴人数", "人", 1200),
                P("彩票公益金社会福利项目", ["2296002", "2081006", "2081099"], Mix.Goods, Gft, 20, 150),
            ],
            [
                U("阿克陶县社会福利中心", ["2081005", "2081002"], 10, 40, OwnIncome.BusinessIncome, "承担特困人员集中供养"),
                U("阿克陶县殡葬服务所", ["2081004", "2081099"], 5, 15, OwnIncome.BusinessIncome, "提供殡葬服务"),
            ]),
        new(DepartmentKind.NaturalResources, "自然资源局", ["2200101"], 25, 50, 2,
            ["负责全县自然资源调查监测评价和确权登记", "负责国土空间规划和用途管制", "负责耕地保护和土地执法"],
            ["办公室", "规划股", "耕地保护股", "确权登记股", "执法监察大队"],
            [
                P("自然资源调查与确权登记", ["2200109", "2200104", "2200199"], Mix.Services, Gbt, 50, 400),
                P("国土空间规划编制", ["2200104", "2200199"], Mix.Services, Gb, 30, 300),
                P("土地开发支出", ["2120802", "2129999"], Mix.Works, Gf, 200, 2000),
                P("征地和拆迁补偿", ["2120801", "2129999"], Mix.Subsidy, Gf, 300, 3000, "补偿户数", "户", 50000),
            ],
            [
                U("阿克陶县不动产登记中心", ["2200150", "2200199"], 10, 30, OwnIncome.OtherIncome, "承担不动产登记"),
                U("阿克陶县自然资源调查监测中心", ["2200150", "2200199"], 8, 20, OwnIncome.None, "承担自然资源调查监测"),
            ]),
        new(DepartmentKind.HousingConstruction, "住房和城乡建设局", ["2120101"], 20, 40, 2,
            ["负责全县住房和城乡建设管理", "负责保障性住房和农村危房改造", "负责市政公用设施建设和管理"],
            ["办公室", "村镇建设股", "住房保障股", "质量安全监督站"],
            [
                P("农村危房改造补助", ["2210105", "2210199"], Mix.Subsidy, Gbt, 100, 900, "改造户数", "户", 20000),
                P("老旧小区改造", ["2210108", "2210199"], Mix.Works, Gbt, 200, 2000),
                P("城市建设支出", ["2120803", "2129999"], Mix.Works, Gf, 200, 2000),
                P("市政基础设施维护", ["2120301", "2120399"], Mix.Maintenance, Gb, 50, 500),
            ],
            [
                U("阿克陶县城市建设服务中心", ["2120199", "2120399"], 10, 30, OwnIncome.OtherIncome, "承担城市建设服务"),
                U("阿克陶县住房保障服务中心", ["2210199", "2210106"], 8, 20, OwnIncome.None, "承担保障性住房管理"),
            ]),
        new(DepartmentKind.Finance, "财政局", ["2010601"], 30, 60, 1,
            ["编制和执行县级财政预决算", "管理政府债务和国有资产", "监督财政资金使用"],
            ["办公室", "预算股", "国库股", "债务管理股", "资产管理股"],
            [
                P("财政信息化建设", ["2010607", "2010699"], Mix.Equipment, Gb, 30, 300),
                P("地方政府一般债券付息", ["2320301", "2320399"], Mix.DebtInterest, Gb, 500, 3000),
                P("地方政府一般债券还本", ["2310301"], Mix.DebtPrincipal, Gb, 300, 2000),
                P("地方政府债券发行费用", ["2330301", "2330399"], Mix.DebtFee, Gb, 5, 40),
                P("国有企业政策性补贴", ["2230301", "2230299"], Mix.Enterprise, Sc, 50, 500),
                P("国有企业资本金注入", ["2230299", "2230201"], Mix.Capital, Sc, 100, 800),
                P("普惠金融发展专项", ["2130899", "2130804"], Mix.Enterprise, Gbt, 50, 400),
            ],
            [
                U("阿克陶县国库集中支付中心", ["2010650", "2010699"], 10, 25, OwnIncome.None, "承担国库集中支付"),
            ]),
        new(DepartmentKind.CultureTourism, "文化体育广播电视和旅游局", ["2070101"], 20, 40, 3,
            ["负责全县文化、体育、广播电视和旅游事业发展", "负责文物保护和非物质文化遗产保护传承"],
            ["办公室", "文化艺术股", "旅游发展股", "体育股"],
            [
                P("公共文化服务体系建设", ["2070109", "2070108"], Mix.Goods, Gbt, 50, 400),
                P("文物保护经费", ["2070204", "2070299"], Mix.Works, Gbt, 30, 300),
                P("旅游宣传推介", ["2070113", "2070199"], Mix.Services, Gb, 20, 200),
                P("全民健身活动", ["2070308", "2070399"], Mix.Goods, Gb, 20, 150),
                P("体育彩票公益金项目", ["2296003", "2070307", "2070399"], Mix.Equipment, Gft, 10, 100),
            ],
            [
                U("阿克陶县图书馆", ["2070104"], 8, 20, OwnIncome.None, "提供公共图书借阅服务"),
                U("阿克陶县文工团", ["2070107"], 20, 60, OwnIncome.BusinessIncome, "开展文艺演出"),
                U("阿克陶县融媒体中心", ["2070808", "2070899"], 20, 60, OwnIncome.BusinessIncome, "承担广播电视和新媒体宣传", P("应急广播建设", ["2070808"], Mix.Equipment, Gbt, 20, 200)),
                U("阿克陶县博物馆", ["2070205", "2070299"], 8, 20, OwnIncome.None, "承担文物收藏展示"),
            ]),
        new(DepartmentKind.ScienceTechnology, "科学技术局", ["2060101"], 8, 20, 1,
            ["贯彻执行科技发展政策", "组织实施科技计划项目和科技成果转化", "开展科学技术普及"],
            ["办公室", "科技计划股"],
            [
                P("科技成果转化与扩散", ["2060503", "2060599", "2060199"], Mix.Enterprise, Gbt, 20, 200),
                P("科普活动经费", ["2060702", "2060799"], Mix.Goods, Gb, 5, 50),
            ],
            [
                U("阿克陶县科学技术协会", ["2060701", "2060799"], 5, 12, OwnIncome.None, "开展科普活动", P("科普惠农", ["2060702"], Mix.Training, Gbt, 5, 40, "培训人次", "人次")),
            ]),
        new(DepartmentKind.Ecology, "生态环境分局", ["2110101"], 10, 25, 1,
            ["负责全县生态环境监督管理", "组织实施污染防治和自然生态保护"],
            ["办公室", "环境监测站", "执法大队"],
            [
                P("大气污染防治", ["2110301"], Mix.Equipment, Gbt, 50, 500),
                P("水污染防治", ["2110302"], Mix.Works, Gbt, 50, 500),
                P("农村环境整治", ["2110402", "2110399"], Mix.Works, Gbt, 50, 400),
            ],
            [
                U("阿克陶县环境监测站", ["2110199", "2110104"], 8, 20, OwnIncome.None, "承担环境质量监测"),
            ],
            LawEnforcementVehicles: true),
        new(DepartmentKind.IndustryInformation, "工业和信息化局", ["2150501"], 10, 25, 0,
            ["推进全县新型工业化和信息化", "负责中小企业发展和工业园区服务"],
            ["办公室", "工业股", "中小企业股"],
            [
                P("中小企业发展专项", ["2150805", "2150899"], Mix.Enterprise, Gbt, 50, 500),
                P("工业园区基础设施维护", ["2150599"], Mix.Maintenance, Gb, 30, 300),
            ],
            []),
        new(DepartmentKind.Commerce, "商务和工业信息化局", ["2160201"], 10, 25, 0,
            ["负责全县商贸流通和对外经济合作", "推进电子商务进农村"],
            ["办公室", "商贸流通股", "对外经济合作股"],
            [
                P("电子商务进农村综合示范", ["2160299", "2160250"], Mix.Services, Gbt, 50, 500),
                P("口岸和外贸发展补助", ["2160699", "2160602"], Mix.Enterprise, Gbt, 30, 300),
            ],
            []),
        new(DepartmentKind.EmergencyManagement, "应急管理局", ["2240101"], 12, 30, 1,
            ["负责全县应急管理和安全生产监督", "组织自然灾害防治和救灾"],
            ["办公室", "安全生产监督股", "防灾减灾股"],
            [
                P("安全生产监管", ["2240106", "2240199"], Mix.Services, Gb, 20, 200),
                P("自然灾害救灾补助", ["2240703", "2240799"], Mix.Subsidy, Gbt, 30, 400, "救助人次", "人次", 2000),
                P("地质灾害防治", ["2240601", "2240699"], Mix.Works, Gbt, 50, 500),
                P("应急物资储备", ["2240104", "2240199"], Mix.Goods, Gb, 20, 200),
            ],
            [
                U("阿克陶县应急救援服务中心", ["2240150", "2240199"], 10, 30, OwnIncome.None, "承担应急救援"),
            ]),
        new(DepartmentKind.DevelopmentReform, "发展和改革委员会", ["2010401"], 12, 30, 1,
            ["拟订全县国民经济和社会发展规划", "负责粮食和物资储备管理", "负责价格监督和项目审批"],
            ["办公室", "规划股", "粮食和物资储备股", "价格股"],
            [
                P("储备粮油补贴", ["2220401", "2220199"], Mix.Enterprise, Gbt, 50, 400, "储备规模", "吨"),
                P("粮食风险基金", ["2220199"], Mix.Enterprise, Gb, 30, 300),
                P("重点项目前期工作经费", ["2010408", "2010499"], Mix.Services, Gb, 30, 300),
            ],
            [
                U("阿克陶县粮食和物资储备中心", ["2220150", "2220199"], 8, 20, OwnIncome.OtherIncome, "承担粮食和物资储备"),
            ]),
        new(DepartmentKind.MilitaryService, "人民武装部", ["2030601", "2030699"], 8, 20, 0,
            ["负责全县民兵、预备役和兵役工作", "组织国防教育和人民防空"],
            ["政工科", "军事科", "后勤科"],
            [
                P("兵役征集经费", ["2030601"], Mix.Goods, Gb, 10, 100, "征集人数", "人"),
                P("民兵训练经费", ["2030607", "2030699"], Mix.Training, Gb, 20, 200, "训练人次", "人次"),
                P("人民防空建设", ["2030603", "2030699"], Mix.Works, Gb, 20, 200),
            ],
            []),
        new(DepartmentKind.Forestry, "林业和草原局", ["2130201"], 15, 35, 2,
            ["负责全县林业和草原生态保护修复", "负责森林草原防火和有害生物防治"],
            ["办公室", "生态修复股", "资源管理股"],
            [
                P("森林资源培育", ["2130205", "2130299"], Mix.Works, Gbt, 100, 800),
                P("生态护林员补助", ["2130209", "2130299"], Mix.Subsidy, Gbt, 100, 600, "护林员人数", "人", 10000),
                P("草原生态保护补助奖励", ["2130237", "2130236", "2130299"], Mix.Subsidy, Gbt, 200, 1500, "受益牧户", "户", 3000),
                P("林业草原防灾减灾", ["2130234", "2130299"], Mix.Goods, Gbt, 20, 200),
            ],
            [
                U("阿克陶县林业工作站", ["2130204", "2130299"], 10, 30, OwnIncome.None, "承担林业技术推广"),
                U("阿克陶县草原工作站", ["2130204", "2130299"], 8, 25, OwnIncome.None, "承担草原监测"),
            ]),
        new(DepartmentKind.WaterResources, "水利局", ["2130301"], 15, 35, 2,
            ["负责全县水资源管理和水利工程建设", "负责防汛抗旱和农村供水"],
            ["办公室", "建设管理股", "水资源股"],
            [
                P("水利工程运行与维护", ["2130306", "2130399"], Mix.Maintenance, Gbt, 100, 800),
                P("农村供水保障", ["2130335", "2130316", "2130399"], Mix.Works, Gbt, 100, 1000),
                P("防汛抗旱经费", ["2130314", "2130399"], Mix.Goods, Gb, 20, 200),
                P("水资源节约管理与保护", ["2130311", "2130399"], Mix.Services, Gb, 10, 100),
            ],
            [
                U("阿克陶县水利管理站", ["2130304", "2130399"], 15, 50, OwnIncome.BusinessIncome, "承担水利工程管理"),
                U("阿克陶县农村供水总站", ["2130316", "2130399"], 10, 30, OwnIncome.BusinessIncome, "承担农村供水"),
            ]),
        new(DepartmentKind.MarketRegulation, "市场监督管理局", ["2013801"], 30, 70, 1,
            ["负责全县市场综合监督管理", "负责食品药品安全监管", "负责质量和标准化管理"],
            ["办公室", "食品安全股", "药品医疗器械股", "执法大队"],
            [
                P("食品安全抽检", ["2013814", "2013816", "2013899"], Mix.Services, Gbt, 20, 200, "抽检批次", "批次"),
                P("药品监管", ["2013810", "2013899"], Mix.Services, Gb, 10, 100),
            ],
            [
                U("阿克陶县检验检测中心", ["2013850", "2013899"], 8, 25, OwnIncome.BusinessIncome, "承担检验检测"),
            ],
            LawEnforcementVehicles: true),
        new(DepartmentKind.HumanResources, "人力资源和社会保障局", ["2080101"], 30, 50, 2,
            ["负责全县就业、社会保险和人事人才工作", "负责劳动关系和劳动保障监察"],
            ["办公室", "就业股", "社会保险股", "劳动保障监察大队"],
            [
                P("就业补助资金", ["2080701", "2080799"], Mix.Subsidy, Gbt, 200, 1500, "补贴人数", "人", 3000),
                P("公益性岗位补贴", ["2080705"], Mix.Subsidy, Gbt, 200, 2000, "公益性岗位人数", "人", 18000),
                P("职业技能培训补贴", ["2080702", "2080709"], Mix.Training, Gbt, 50, 500, "培训人次", "人次", 1500),
                P("劳动保障监察经费", ["2080105", "2080199"], Mix.Goods, Gb, 10, 80),
            ],
            [
                U("阿克陶县公共就业服务中心", ["2080150", "2080106"], 15, 40, OwnIncome.None, "提供公共就业服务"),
                U("阿克陶县社会保险中心", ["2080150", "2080199"], 15, 40, OwnIncome.None, "经办社会保险"),
            ]),
        new(DepartmentKind.Justice, "司法局", ["2040601"], 15, 40, 1,
            ["负责全县法治宣传和法律服务", "指导人民调解和社区矫正"],
            ["办公室", "普法与依法治理股", "社区矫正股"],
            [
                P("法律援助经费", ["2040607", "2040699"], Mix.Services, Gbt, 10, 100, "援助案件", "件"),
                P("普法宣传", ["2040605", "2040699"], Mix.Goods, Gb, 5, 50),
                P("社区矫正经费", ["2040610", "2040699"], Mix.Goods, Gb, 10, 80),
                P("基层司法业务", ["2040604", "2040699"], Mix.Goods, Gb, 10, 100),
            ],
            [
                U("阿克陶县公证处", ["2040650", "2040699"], 5, 12, OwnIncome.BusinessIncome, "提供公证服务"),
            ]),
        new(DepartmentKind.VeteransAffairs, "退役军人事务局", ["2082801"], 8, 20, 1,
            ["负责退役军人安置、优抚和服务保障"],
            ["办公室", "优抚安置股"],
            [
                P("优抚对象抚恤补助", ["2080802", "2080801", "2080899"], Mix.Subsidy, Gbt, 100, 800, "优抚对象人数", "人", 12000),
                P("义务兵优待金", ["2080805", "2080899"], Mix.Subsidy, Gb, 30, 300, "义务兵家庭户数", "户", 15000),
                P("退役士兵安置", ["2080901", "2080999"], Mix.Subsidy, Gbt, 30, 300, "安置人数", "人", 20000),
            ],
            [
                U("阿克陶县退役军人服务中心", ["2082850", "2082899"], 5, 15, OwnIncome.None, "提供退役军人服务"),
            ]),
        new(DepartmentKind.MedicalInsurance, "医疗保障局", ["2101501"], 10, 25, 1,
            ["负责全县医疗保障制度实施", "管理医疗保障基金和医疗救助"],
            ["办公室", "待遇保障股", "基金监管股"],
            [
                P("城乡居民基本医疗保险财政补助", ["2101202", "2101299"], Mix.Subsidy, Gbt, 500, 5000, "参保人数", "人", 640),
                P("医疗救助", ["2101301", "2101399"], Mix.Subsidy, Gbt, 100, 800, "救助人次", "人次", 2000),
            ],
            [
                U("阿克陶县医疗保险服务中心", ["2101550", "2101599"], 8, 25, OwnIncome.None, "经办医疗保险"),
            ]),
        new(DepartmentKind.PartyCommittee, "县委办公室", ["2013101"], 30, 60, 2,
            ["负责县委日常工作和综合协调", "负责县委文件、会议和督查工作"],
            ["秘书科", "综合科", "督查室", "机要保密局"],
            [
                P("党委专项业务经费", ["2013102", "2013199"], Mix.Goods, Gb, 30, 300),
                P("组织事务经费", ["2013299", "2013202"], Mix.Training, Gb, 20, 200, "培训党员干部人次", "人次"),
                P("宣传事务经费", ["2013302", "2013399"], Mix.Services, Gb, 20, 200),
                P("统战事务经费", ["2013402", "2013499"], Mix.Goods, Gb, 10, 100),
            ],
            [
                U("中共阿克陶县委党校", ["2050502", "2013250", "2013299"], 20, 50, OwnIncome.None, "承担干部教育培训"),
                U("阿克陶县机关事务服务中心", ["2013150", "2013199"], 10, 30, OwnIncome.None, "承担机关后勤服务"),
            ]),
        new(DepartmentKind.PeoplesCongress, "人大常委会办公室", ["2010101"], 15, 30, 0,
            ["负责县人大常委会日常工作", "组织人大会议和代表活动"],
            ["办公室", "法制工作委员会", "代表工作委员会"],
            [
                P("人大会议经费", ["2010104", "2010199"], Mix.Goods, Gb, 10, 80),
                P("人大代表履职经费", ["2010108", "2010199"], Mix.Training, Gb, 10, 60, "代表人数", "人"),
            ],
            []),
        new(DepartmentKind.Audit, "审计局", ["2010801"], 12, 30, 0,
            ["负责全县财政收支和政府投资项目审计"],
            ["办公室", "财政审计股", "投资审计股"],
            [P("审计业务经费", ["2010804", "2010899"], Mix.Services, Gb, 20, 200, "审计项目", "个")],
            []),
        new(DepartmentKind.Statistics, "统计局", ["2010501"], 10, 25, 0,
            ["负责全县统计调查和统计监督"],
            ["办公室", "综合统计股"],
            [P("专项普查经费", ["2010507", "2010599"], Mix.Services, Gbt, 10, 150, "普查对象", "户")],
            []),
        new(DepartmentKind.Court, "人民法院", ["2040501"], 50, 120, 0,
            ["依法审理各类案件", "执行生效裁判"],
            ["立案庭", "刑事审判庭", "民事审判庭", "执行局"],
            [P("案件审判执行经费", ["2040502", "2040504", "2040599"], Mix.Goods, Gbt, 50, 400, "审结案件", "件")],
            [],
            LawEnforcementVehicles: true),
        new(DepartmentKind.Procuratorate, "人民检察院", ["2040401"], 30, 70, 0,
            ["依法行使检察权", "开展公益诉讼和法律监督"],
            ["第一检察部", "第二检察部", "综合业务部"],
            [P("检察办案经费", ["2040402", "2040499"], Mix.Goods, Gbt, 30, 300, "办理案件", "件")],
            [],
            LawEnforcementVehicles: true),
        new(DepartmentKind.DisabledPersons, "残疾人联合会", ["2081101"], 6, 15, 0,
            ["代表残疾人共同利益，维护残疾人合法权益", "开展残疾人康复、就业和扶贫工作"],
            ["办公室", "康复就业部"],
            [
                P("残疾人两项补贴", ["2081107", "2081199"], Mix.Subsidy, Gbt, 100, 600, "补贴人数", "人", 1200),
                P("残疾人康复", ["2081104", "2081199"], Mix.Services, Gbt, 20, 200),
            ],
            []),
        new(DepartmentKind.UrbanManagement, "城市管理局", ["2120104", "2120101"], 40, 100, 1,
            ["负责城市管理综合执法", "负责城市环境卫生和市容市貌管理"],
            ["办公室", "执法大队", "环卫所"],
            [
                P("城市环境卫生经费", ["2120501", "2129999"], Mix.Services, Gb, 200, 1500),
                P("城市绿化养护", ["2120399", "2120199"], Mix.Maintenance, Gb, 50, 400),
            ],
            [
                U("阿克陶县环境卫生管理所", ["2120501", "2120199"], 20, 80, OwnIncome.OtherIncome, "承担城市环境卫生"),
            ],
            LawEnforcementVehicles: true),
    ];

    /// <summary>乡镇人民政府: fills a county beyond its distinct department kinds.</summary>
    public static DepartmentArchetype Township { get; } = new(DepartmentKind.Township, "人民政府", ["2010301", "2019999"], 20, 60, 0,
        ["贯彻执行党和国家的方针政策", "管理本乡镇经济、社会事务", "组织实施乡村振兴和基层治理"],
        ["党政综合办公室", "经济发展办公室", "社会事务办公室", "综治中心"],
        [
            P("村级组织运转经费", ["2130705", "2130701", "2010399"], Mix.Allowance, Gb, 50, 400),
            P("乡村振兴产业发展", ["2130505", "2130599"], Mix.Works, Gbt, 100, 1000),
            P("基层政权建设和社区治理", ["2080208", "2080299"], Mix.Goods, Gb, 10, 100),
        ],
        []);

    /// <summary>Townships of the county (Akto's, for realism).</summary>
    public static IReadOnlyList<string> Towns { get; } =
        ["阿克陶镇", "奥依塔克镇", "巴仁镇", "皮拉勒乡", "玉麦乡", "加马铁热克乡", "恰尔隆乡", "库斯拉甫乡", "克孜勒陶乡", "布伦口乡", "木吉乡", "塔尔塔吉克族乡", "苏库如克乡"];
}
