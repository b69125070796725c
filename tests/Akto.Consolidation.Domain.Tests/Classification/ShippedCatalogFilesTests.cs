using System.Text.Json;
using Akto.Consolidation.Domain.Classification;

namespace Akto.Consolidation.Domain.Tests.Classification;

/// <summary>
/// The catalog files of <c>seeds/classification</c> as shipped (copied next to the tests): well-formed rows,
/// every parent present, the 类 lists complete, and every code the seed unit's disclosure uses present in 2024
/// under the name it prints.
/// </summary>
public sealed class ShippedCatalogFilesTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "seeds", "classification");

    private const string Header = "code,name,level,parent,year";

    public static TheoryData<string, int> CatalogFiles()
    {
        var data = new TheoryData<string, int>();
        foreach (var year in Years)
        {
            foreach (var kind in new[] { "function", "economic", "government-economic" })
            {
                data.Add(kind, year);
            }
        }

        return data;
    }

    private static readonly int[] Years = [2023, 2024, 2025, 2026];

    private sealed record Row(string Code, string Name, string Level, string Parent, string Year);

    private static List<string> ReadLines(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        Assert.True(File.Exists(path), $"{fileName} is not shipped");
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{fileName} starts with a BOM");
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text.TrimEnd('\n').Split('\n')];
    }

    /// <summary>Comment lines first (a catalog's first names its source edition), then the header, then the rows.</summary>
    private static List<string[]> ReadTable(string fileName, string header, out List<string> comments)
    {
        var lines = ReadLines(fileName);
        comments = [.. lines.TakeWhile(l => l.StartsWith('#'))];
        Assert.NotEmpty(comments);
        if (header == Header)
        {
            Assert.StartsWith("# 依据: 财政部《", comments[0], StringComparison.Ordinal);
            Assert.Contains("年政府收支分类科目》", comments[0], StringComparison.Ordinal);
        }
        Assert.Equal(header, lines[comments.Count]);
        var rows = lines.Skip(comments.Count + 1).ToList();
        Assert.All(rows, r => Assert.False(r.Length == 0 || r.StartsWith('#'), $"{fileName}: blank or comment line among the rows"));
        var width = header.Split(',').Length;
        return [.. rows.Select(r =>
        {
            var fields = r.Split(',');
            Assert.True(fields.Length == width, $"{fileName}: '{r}' has {fields.Length} fields, expected {width}");
            return fields;
        })];
    }

    private static List<Row> ReadCatalog(string kind, int year) =>
        [.. ReadTable($"{kind}-{year}.csv", Header, out _).Select(f => new Row(f[0], f[1], f[2], f[3], f[4]))];

    private static Dictionary<string, Row> Index(string kind, int year) => ReadCatalog(kind, year).ToDictionary(r => r.Code, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void Rows_are_well_formed_sorted_unique_and_every_parent_comes_first(string kind, int year)
    {
        var rows = ReadCatalog(kind, year);
        Assert.NotEmpty(rows);
        Assert.Contains($"《{year}年政府收支分类科目》", ReadLines($"{kind}-{year}.csv")[0], StringComparison.Ordinal);
        var levels = kind == "function"
            ? new Dictionary<string, int> { ["类"] = 3, ["款"] = 5, ["项"] = 7 }
            : new Dictionary<string, int> { ["类"] = 3, ["款"] = 5 };
        var seen = new Dictionary<string, Row>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var row in rows)
        {
            var where = $"{kind}-{year}.csv {row.Code}";
            Assert.True(row.Code.All(char.IsAsciiDigit), $"{where}: code is not all digits");
            Assert.True(levels.TryGetValue(row.Level, out var length), $"{where}: level '{row.Level}'");
            Assert.True(row.Code.Length == length, $"{where}: a {row.Level} code has {length} digits");
            Assert.Equal(year.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Year);
            Assert.False(string.IsNullOrWhiteSpace(row.Name), $"{where}: no name");
            Assert.Equal(row.Name.Trim(), row.Name);
            Assert.True(seen.TryAdd(row.Code, row), $"{where}: duplicate");
            Assert.True(previous is null || string.CompareOrdinal(previous, row.Code) < 0, $"{where}: not in code order");
            previous = row.Code;

            if (row.Level == "类")
            {
                Assert.Equal("", row.Parent);
            }
            else
            {
                var expectedParent = row.Code[..(row.Code.Length - 2)];
                Assert.True(row.Parent == expectedParent, $"{where}: parent '{row.Parent}', expected {expectedParent}");
                Assert.True(seen.ContainsKey(expectedParent), $"{where}: parent {expectedParent} missing or after its child");
            }
        }

        var kindCode = kind switch { "function" => "2", "economic" => "3", _ => "5" };
        Assert.All(rows, r => Assert.StartsWith(kindCode, r.Code, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CatalogFiles))]
    public void The_runtime_parser_reads_every_row(string kind, int year)
    {
        var text = File.ReadAllText(Path.Combine(Directory, $"{kind}-{year}.csv"));

        Assert.Equal(ReadCatalog(kind, year).Count, ClassificationCatalog.Parse(text, year).Count);
    }

    [Fact]
    public void Function_classes_are_those_table_1_of_the_seed_prints_in_every_year()
    {
        foreach (var year in Years)
        {
            var classes = ReadCatalog("function", year).Where(r => r.Level == "类").ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
            Assert.Equal(Table1FunctionClasses, classes);
        }
    }

    [Fact]
    public void Economic_classes_are_complete_in_every_year()
    {
        string[] departmental = ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"];
        string[] government = ["501", "502", "503", "504", "505", "506", "507", "508", "509", "510", "511", "512", "513", "514", "599"];
        foreach (var year in Years)
        {
            Assert.Equal(departmental, ReadCatalog("economic", year).Where(r => r.Level == "类").Select(r => r.Code));
            Assert.Equal(government, ReadCatalog("government-economic", year).Where(r => r.Level == "类").Select(r => r.Code));
            var economic = ReadCatalog("economic", year);
            Assert.All(departmental, c => Assert.Contains(economic, r => r.Parent == c));
        }
    }

    [Fact]
    public void Every_code_the_seed_prints_is_in_2024_under_the_name_it_prints()
    {
        var function = Index("function", 2024);
        var economic = Index("economic", 2024);
        foreach (var (code, name) in SeedPrintedFunctionCodes)
        {
            Assert.True(function.TryGetValue(code, out var row), $"function {code} {name} missing");
            Assert.Equal(name, row.Name);
        }

        foreach (var (code, name) in SeedPrintedEconomicCodes)
        {
            Assert.True(economic.TryGetValue(code, out var row), $"economic {code} {name} missing");
            Assert.Equal(name, row.Name);
        }
    }

    [Fact]
    public void Every_code_the_seed_budget_books_is_a_leaf_of_2024()
    {
        using var json = JsonDocument.Parse(SeedBudget.Bytes());
        var function = Index("function", 2024);
        var economic = Index("economic", 2024);
        foreach (var line in json.RootElement.GetProperty("lines").EnumerateArray())
        {
            Assert.Equal("项", function[line.GetProperty("functionCode").GetString()!].Level);
            Assert.Equal("款", economic[line.GetProperty("economicCode").GetString()!].Level);
        }
    }

    [Fact]
    public void Codes_a_district_justice_bureau_and_a_county_book_on_exist_in_every_year()
    {
        string[] functionCodes =
        [
            "2040601", "2040602", "2040603", "2040604", "2040605", "2040606", "2040607", "2040608", "2040610", "2040612", "2040613", "2040650", "2040699",
            "2080505", "2080506", "2080599", "2210201", "2210203", "2010301", "2040201", "2050201", "2050202", "2050203", "2050204", "2100201", "2130101", "2140101",
        ];
        string[] economicCodes = ["30109", "30204", "30215", "30216", "30217", "30226", "30227", "30239", "31002"];
        foreach (var year in Years)
        {
            var function = Index("function", year);
            var economic = Index("economic", year);
            Assert.All(functionCodes, c => Assert.True(function.ContainsKey(c), $"function {c} missing in {year}"));
            Assert.All(economicCodes, c => Assert.True(economic.ContainsKey(c), $"economic {c} missing in {year}"));
        }
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Changes_map_codes_of_the_prior_year_to_codes_of_the_year(int year)
    {
        var rows = ReadTable($"changes-{year}.csv", "tree,priorCode,code,note", out var comments);
        Assert.Contains(comments, c => c.Length > 2);
        foreach (var fields in rows)
        {
            var (tree, priorCode, code, note) = (fields[0], fields[1], fields[2], fields[3]);
            Assert.Contains(tree, new[] { "function", "economic" });
            Assert.True(Index(tree, year - 1).ContainsKey(priorCode), $"{priorCode} is not a {year - 1} {tree} code");
            if (code.Length == 0)
            {
                Assert.Contains("删除", note, StringComparison.Ordinal);
                Assert.False(Index(tree, year).ContainsKey(priorCode), $"{priorCode} is marked 删除 but is still in {year}");
            }
            else
            {
                Assert.True(Index(tree, year).ContainsKey(code), $"{code} is not a {year} {tree} code");
            }
        }
    }

    [Fact]
    public void A_code_missing_from_a_later_year_is_recorded_in_that_years_changes()
    {
        foreach (var year in Years.Skip(1))
        {
            var mapped = ReadTable($"changes-{year}.csv", "tree,priorCode,code,note", out _).Select(f => (f[0], f[1])).ToHashSet();
            foreach (var tree in new[] { "function", "economic" })
            {
                var current = Index(tree, year);
                Assert.All(
                    ReadCatalog(tree, year - 1).Where(r => !current.ContainsKey(r.Code)),
                    r => Assert.True(mapped.Contains((tree, r.Code)), $"{tree} {r.Code} of {year - 1} is gone in {year} without a changes-{year}.csv row"));
            }
        }
    }

    /// <summary>Table 1 of the seed (单位收支总体情况表) lists every function 类 with these names.</summary>
    private static readonly Dictionary<string, string> Table1FunctionClasses = new(StringComparer.Ordinal)
    {
        ["201"] = "一般公共服务支出",
        ["202"] = "外交支出",
        ["203"] = "国防支出",
        ["204"] = "公共安全支出",
        ["205"] = "教育支出",
        ["206"] = "科学技术支出",
        ["207"] = "文化旅游体育与传媒支出",
        ["208"] = "社会保障和就业支出",
        ["209"] = "社会保险基金支出",
        ["210"] = "卫生健康支出",
        ["211"] = "节能环保支出",
        ["212"] = "城乡社区支出",
        ["213"] = "农林水支出",
        ["214"] = "交通运输支出",
        ["215"] = "资源勘探工业信息等支出",
        ["216"] = "商业服务业等支出",
        ["217"] = "金融支出",
        ["219"] = "援助其他地区支出",
        ["220"] = "自然资源海洋气象等支出",
        ["221"] = "住房保障支出",
        ["222"] = "粮油物资储备支出",
        ["223"] = "国有资本经营预算支出",
        ["224"] = "灾害防治及应急管理支出",
        ["227"] = "预备费",
        ["229"] = "其他支出",
        ["230"] = "转移性支出",
        ["231"] = "债务还本支出",
        ["232"] = "债务付息支出",
        ["233"] = "债务发行费用支出",
        ["234"] = "抗疫特别国债安排的支出",
    };

    /// <summary>The 款 and 项 Tables 2, 3 and 5 of the seed print.</summary>
    private static readonly Dictionary<string, string> SeedPrintedFunctionCodes = new(StringComparer.Ordinal)
    {
        ["20132"] = "组织事务",
        ["2013299"] = "其他组织事务支出",
        ["20801"] = "人力资源和社会保障管理事务",
        ["2080101"] = "行政运行",
        ["2080105"] = "劳动保障监察",
        ["2080106"] = "就业管理事务",
        ["2080150"] = "事业运行",
        ["2080199"] = "其他人力资源和社会保障管理事务支出",
        ["20805"] = "行政事业单位养老支出",
        ["2080501"] = "行政单位离退休",
        ["2080502"] = "事业单位离退休",
        ["2080505"] = "机关事业单位基本养老保险缴费支出",
        ["20807"] = "就业补助",
        ["2080701"] = "就业创业服务补贴",
        ["2080702"] = "职业培训补贴",
        ["2080704"] = "社会保险补贴",
        ["2080705"] = "公益性岗位补贴",
        ["2080709"] = "职业技能鉴定补贴",
        ["2080711"] = "就业见习补贴",
        ["2080712"] = "高技能人才培养补助",
        ["2080713"] = "促进创业补贴",
        ["2080799"] = "其他就业补助支出",
        ["21011"] = "行政事业单位医疗",
        ["2101101"] = "行政单位医疗",
        ["2101102"] = "事业单位医疗",
        ["21308"] = "普惠金融发展支出",
        ["2130899"] = "其他普惠金融发展支出",
        ["22102"] = "住房改革支出",
        ["2210201"] = "住房公积金",
    };

    /// <summary>The economic 类 and 款 Table 6 of the seed prints (30213 with the half-width parentheses the seed prints).</summary>
    private static readonly Dictionary<string, string> SeedPrintedEconomicCodes = new(StringComparer.Ordinal)
    {
        ["301"] = "工资福利支出",
        ["30101"] = "基本工资",
        ["30102"] = "津贴补贴",
        ["30103"] = "奖金",
        ["30108"] = "机关事业单位基本养老保险缴费",
        ["30110"] = "职工基本医疗保险缴费",
        ["30112"] = "其他社会保障缴费",
        ["30113"] = "住房公积金",
        ["302"] = "商品和服务支出",
        ["30201"] = "办公费",
        ["30202"] = "印刷费",
        ["30205"] = "水费",
        ["30207"] = "邮电费",
        ["30208"] = "取暖费",
        ["30211"] = "差旅费",
        ["30213"] = "维修(护)费",
        ["30228"] = "工会经费",
        ["30229"] = "福利费",
        ["30231"] = "公务用车运行维护费",
        ["303"] = "对个人和家庭的补助",
        ["30302"] = "退休费",
        ["30305"] = "生活补助",
        ["30309"] = "奖励金",
    };
}
