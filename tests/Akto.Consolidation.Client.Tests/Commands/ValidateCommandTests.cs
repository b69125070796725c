using System.Text.Json.Nodes;

namespace Akto.Consolidation.Client.Tests.Commands;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Seed_exits_0_and_reports_its_own_inconsistencies_as_warnings_naming_both_places()
    {
        var (exit, output, _) = await CliRun.ProcessAsync("validate", CliRun.Seed);

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("U-01\t警告\t$.unitPerformance.indicators[2].target.value; 表6[合计].一般公共预算基本支出/人员经费", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("U-01\t警告\t$.unitPerformance.indicators[3].target.value; 表6[合计].一般公共预算基本支出/公用经费", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("P-06\t警告\t$.projects[16].subsidy.recipients; $.projects[16].performance.indicators[0].target.value", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\t错误\t", StringComparison.Ordinal));
    }

    [Fact]
    public void One_changed_amount_exits_1_and_names_the_broken_rules_and_where()
    {
        var path = CliRun.CopyOfSeed(json =>
        {
            var node = JsonNode.Parse(json)!;
            node["lines"]![5]!["amount"] = 0.54m;
            return node.ToJsonString();
        });

        var (exit, output, _) = CliRun.InProcess("validate", path);

        Assert.Equal(1, exit);
        Assert.Contains("T1-01\t错误\t表1[总计].收入/预算数; 表1[总计].支出/预算数", output, StringComparison.Ordinal);
        Assert.Contains("X-100\t错误\t$.income[0].amount", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unparseable_file_exits_2_with_line_and_column()
    {
        var path = CliRun.CopyOfSeed(json => json.Replace("\"unitName\":", "\"unitName\" ", StringComparison.Ordinal));

        var (exit, output, _) = CliRun.InProcess("validate", path);

        Assert.Equal(2, exit);
        Assert.Matches(@"S-00\t错误\tline \d+, column \d+", output);
    }

    [Fact]
    public void Missing_file_exits_2()
    {
        var (exit, _, error) = CliRun.InProcess("validate", "/nonexistent/budget.json");

        Assert.Equal(2, exit);
        Assert.Contains("无法读取文件", error, StringComparison.Ordinal);
    }
}
