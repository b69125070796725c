using System.Text.Json.Nodes;
using Akto.Consolidation.Domain.Classification;
using MiniExcelLibs;

namespace Akto.Consolidation.Client.Tests.Commands;

public sealed class CatalogCommandTests
{
    private static string SeedOfYear(int year) => CliRun.CopyOfSeed(json =>
    {
        var node = JsonNode.Parse(json)!;
        node["year"] = year;
        return node.ToJsonString();
    });

    /// <summary>An override directory holding the shipped 2024 catalogs as another year's.</summary>
    private static string CatalogsFor(int year)
    {
        var directory = Directory.CreateTempSubdirectory("akto-cli-catalogs").FullName;
        var shipped = ClassificationCatalogs.Shipped.Get(2024);
        foreach (var tree in new[] { ClassificationTree.Function, ClassificationTree.Economic })
        {
            var file = new CatalogTreeFile(year, tree, "测试", [.. shipped.Entries(tree).Select(e => e with { Year = year })]);
            File.WriteAllText(Path.Combine(directory, ClassificationCatalogs.FileName(tree, year)), CatalogLoader.Write(file));
        }

        return directory;
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("disclosure")]
    [InlineData("explain")]
    public void Every_command_on_a_year_without_a_catalog_exits_2_with_one_clear_line(string command)
    {
        var (exit, output, error) = CliRun.InProcess(command, SeedOfYear(2031));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("akto: 预算年度 2031 没有科目目录 (no classification catalog for 2031); 用 --catalogs DIR 指定或 akto catalog import 导入", line.TrimEnd('\r'));
    }

    [Fact]
    public async Task The_real_executable_prints_no_stack_trace_either()
    {
        var (exit, _, error) = await CliRun.ProcessAsync("explain", SeedOfYear(2031));

        Assert.Equal(2, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogs_option_gives_a_year_its_catalog_for_every_command()
    {
        var catalogs = CatalogsFor(2031);
        var seed = SeedOfYear(2031);

        var validate = CliRun.InProcess("validate", seed, "--catalogs", catalogs);
        var disclosure = CliRun.InProcess("disclosure", seed, "--format", "csv", "--catalogs", catalogs);
        var explain = CliRun.InProcess("--catalogs", catalogs, "explain", seed);

        Assert.DoesNotContain("S-03", validate.Output, StringComparison.Ordinal);
        Assert.Equal(0, validate.Exit);
        Assert.Contains("社会保障和就业支出", disclosure.Output, StringComparison.Ordinal);
        Assert.StartsWith("第三部分 2031年单位预算情况说明", explain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_in_the_catalogs_directory_exits_2_listing_its_problems()
    {
        var catalogs = CatalogsFor(2024);
        File.WriteAllText(Path.Combine(catalogs, "function-2024.csv"), "code,name,level,parent,year\n208,,类,,2024\n20801,人力资源,款,209,2024\n");

        var (exit, _, error) = CliRun.InProcess("validate", CliRun.Seed, "--catalogs", catalogs);

        Assert.Equal(2, exit);
        Assert.Contains("第 2 行 name", error, StringComparison.Ordinal);
        Assert.Contains("第 3 行 parent", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_infers_level_and_parent_writes_the_file_format_and_the_written_catalog_counts()
    {
        var work = Directory.CreateTempSubdirectory("akto-import").FullName;
        var csv = Path.Combine(work, "function.csv");
        var shipped = ClassificationCatalogs.Shipped.Get(2024);
        File.WriteAllLines(csv, ["code,name", .. shipped.Entries(ClassificationTree.Function).Select(e => $"{e.Code},{e.Name}")]);
        var catalogs = CatalogsFor(2031);
        File.Delete(Path.Combine(catalogs, "function-2031.csv"));

        var (exit, output, error) = CliRun.InProcess("catalog", "import", csv, "--year", "2031", "--tree", "function", "--catalogs", catalogs);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("function-2031.csv", output, StringComparison.Ordinal);
        var written = File.ReadAllText(Path.Combine(catalogs, "function-2031.csv"));
        Assert.StartsWith("# 导入自 function.csv", written, StringComparison.Ordinal);
        Assert.Contains("2080101,行政运行,项,20801,2031", written, StringComparison.Ordinal);
        Assert.NotEqual(2, CliRun.InProcess("validate", SeedOfYear(2031), "--catalogs", catalogs).Exit);

        var show = CliRun.InProcess("catalog", "show", "--year", "2031", "--tree", "function", "--catalogs", catalogs);
        Assert.Equal(written, show.Output);
    }

    [Fact]
    public void Import_of_a_bad_list_exits_1_naming_every_line()
    {
        var work = Directory.CreateTempSubdirectory("akto-import").FullName;
        var csv = Path.Combine(work, "economic.csv");
        File.WriteAllText(csv, "code,name,level,parent\n301,工资福利支出,,\n30101,,,\n30101,基本工资,,\n3020,办公费,,\n");

        var (exit, _, error) = CliRun.InProcess("catalog", "import", csv, "--year", "2031", "--tree", "economic", "--out", work);

        Assert.Equal(1, exit);
        Assert.Contains("economic.csv: 第 3 行 name", error, StringComparison.Ordinal);
        Assert.Contains("economic.csv: 第 4 行 code", error, StringComparison.Ordinal);
        Assert.Contains("economic.csv: 第 5 行", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(work, "economic-2031.csv")));
    }

    [Fact]
    public void Import_reads_a_spreadsheet()
    {
        var work = Directory.CreateTempSubdirectory("akto-import").FullName;
        var xlsx = Path.Combine(work, "economic.xlsx");
        MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object> { ["编码"] = "301", ["名称"] = "工资福利支出" },
            new Dictionary<string, object> { ["编码"] = "30101", ["名称"] = "基本工资" },
            new Dictionary<string, object> { ["编码"] = "30102", ["名称"] = "津贴补贴" },
        });

        var (exit, _, error) = CliRun.InProcess("catalog", "import", xlsx, "--year", "2031", "--tree", "economic", "--out", work);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var loaded = CatalogLoader.Load(File.ReadAllText(Path.Combine(work, "economic-2031.csv")), 2031, ClassificationTree.Economic);
        Assert.Equal(["301", "30101", "30102"], loaded.File!.Entries.Select(e => e.Code));
        Assert.Equal("301", loaded.File.Entries[2].Parent);
    }

    [Fact]
    public void Show_of_a_year_without_a_catalog_exits_2()
    {
        var (exit, _, error) = CliRun.InProcess("catalog", "show", "--year", "2031", "--tree", "economic");

        Assert.Equal(2, exit);
        Assert.Contains("预算年度 2031 没有科目目录", error, StringComparison.Ordinal);
    }
}
