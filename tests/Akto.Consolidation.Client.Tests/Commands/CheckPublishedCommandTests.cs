using System.Globalization;
using System.Text.Json.Nodes;
using Akto.Consolidation.Client.Tests.Forms;

namespace Akto.Consolidation.Client.Tests.Commands;

public sealed class CheckPublishedCommandTests
{
    private static string RenderSeed(string format)
    {
        var directory = Directory.CreateTempSubdirectory("akto-published").FullName;
        var (exit, _, error) = CliRun.InProcess("disclosure", CliRun.Seed, "--format", format, "--out", directory);
        Assert.True(exit == 0, error);
        return Directory.GetFiles(directory).Single(f => f.EndsWith($".{format}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_seeds_rendered_workbook_has_no_inconsistency()
    {
        var (exit, output, error) = CliRun.InProcess("check-published", RenderSeed("xlsx"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("表1、2、3、4、5、6、7、8、9、10、11 — 0 处不一致", output, StringComparison.Ordinal);
        Assert.DoesNotContain("未审核", error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_changed_printed_cell_is_named_by_table_row_and_column()
    {
        var workbook = RenderSeed("xlsx");
        using (var edit = new XlsxEdit(workbook))
        {
            // 表5: 类 款 项 in A–C, the name in D, then 合计 | 基本支出 | 项目支出.
            var (row, cells) = edit.Rows("表5 ").Single(r => r.Cells.GetValueOrDefault("A") == "208" && r.Cells.GetValueOrDefault("B") == "01" && r.Cells.GetValueOrDefault("C") == "01");
            var printed = decimal.Parse(cells["F"], CultureInfo.InvariantCulture);
            edit.Set("表5 ", $"F{row.RowIndex!.Value}", printed + 0.01m);
        }

        var (exit, output, _) = CliRun.InProcess("check-published", workbook);

        Assert.Equal(1, exit);
        Assert.Contains("表5 行 2080101 列 一般公共预算支出/基本支出", output, StringComparison.Ordinal);
        Assert.Contains("所有不一致都涉及 (every inconsistency involves): 表5 行 2080101 列 一般公共预算支出/基本支出", output, StringComparison.Ordinal);
        var line = output.Split('\n').First(l => l.StartsWith("表5 行 2080101 列 一般公共预算支出/合计", StringComparison.Ordinal));
        Assert.Contains("expected", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_contract_is_checked_the_same_way()
    {
        var json = RenderSeed("json");
        Assert.Equal(0, CliRun.InProcess("check-published", json).Exit);

        var node = JsonNode.Parse(File.ReadAllText(json))!;
        var table10 = node["tables"]!.AsArray().Single(t => t!["id"]!.GetValue<int>() == 10)!;
        var reception = table10["rows"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "合计")!;
        reception["cells"]!["合计"] = reception["cells"]!["合计"]!.GetValue<decimal>() + 1m;
        File.WriteAllText(json, node.ToJsonString());

        var (exit, output, _) = CliRun.InProcess("check-published", json);

        Assert.Equal(1, exit);
        Assert.Contains("表10 行 合计 列 合计: expected", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_exits_2_in_plain_words()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("akto-published").FullName, "tables.xlsx");
        File.WriteAllText(path, "not a zip");

        var (exit, _, error) = CliRun.InProcess("check-published", path);

        Assert.Equal(2, exit);
        Assert.Contains("无法读取公开表", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
