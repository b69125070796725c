using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Reporting;
using Akto.Consolidation.Silo.Tests.Api;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Cli;

/// <summary><c>akto login|submit|status|workflow|versions|consolidation</c> against a running embedded silo (the seed unit loaded).</summary>
public sealed class NetworkedCommandsTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("akto-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Output, string Error) Akto(params string[] args) => AktoCli.Against(fixture.Silo, args);

    private string Write(string name, JsonNode document)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Submit_accepts_a_valid_file_and_a_second_identical_run_makes_no_new_version()
    {
        var file = Write("CL1.budget.json", SeedAs("CL1", "CLD1"));

        var first = await Task.Run(() => Akto("submit", file), Ct);
        var again = await Task.Run(() => Akto("submit", file), Ct);

        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("第 1 版", first.Output);
        Assert.Equal(0, again.Exit);
        Assert.Contains("第 1 版", again.Output);
        var versions = await Task.Run(() => Akto("versions", "CL1", "--year", "2024"), Ct);
        Assert.Equal(0, versions.Exit);
        Assert.Contains("7,499.14", versions.Output);
        Assert.Equal(1, JsonDocument.Parse(await fixture.Silo.Admin.GetStringAsync(UnitPath("CL1", "versions"), Ct)).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Submit_refuses_a_file_with_errors_before_sending_and_lists_the_findings_in_a_table()
    {
        var document = SeedAs("CL2", "CLD2");
        document["income"]![0]!["amount"] = 1;
        var file = Write("CL2.budget.json", document);

        var run = await Task.Run(() => Akto("submit", file), Ct);

        Assert.Equal(1, run.Exit);
        Assert.Contains("本地审核不通过", run.Output);
        Assert.Contains("规则 rule", run.Output);
        Assert.Contains("错误", run.Output);
        Assert.Equal(404, (await GetCurrentAsync(fixture.Silo.Admin, "CL2")).Status);
    }

    [Fact]
    public async Task A_refusal_by_the_server_is_one_line_and_exit_1()
    {
        (await PutAsync(fixture.Silo.Admin, "CL3", SeedAs("CL3", "CLD3"))).Dispose();
        (await fixture.Silo.Admin.PostAsync(UnitPath("CL3", "workflow/submit"), null, Ct)).Dispose();
        var changed = SeedAs("CL3", "CLD3");
        changed["unitName"] = "改名的单位";
        var file = Write("CL3.budget.json", changed);

        var run = await Task.Run(() => Akto("submit", file), Ct);

        Assert.Equal(1, run.Exit);
        Assert.Contains("未接受 (refused)", Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Workflow_moves_a_unit_and_status_shows_it_with_its_warning_count()
    {
        (await PutAsync(fixture.Silo.Admin, "CL4", SeedAs("CL4", "CLD4"))).Dispose();

        var submit = await Task.Run(() => Akto("workflow", "submit", "CL4", "--year", "2024"), Ct);
        var noReason = await Task.Run(() => Akto("workflow", "return", "CL4", "--year", "2024"), Ct);
        var returned = await Task.Run(() => Akto("workflow", "return", "CL4", "--year", "2024", "--reason", "三公经费说明不全"), Ct);
        var status = await Task.Run(() => Akto("status", "--year", "2024", "--department", "CLD4"), Ct);
        var illegal = await Task.Run(() => Akto("workflow", "approve", "CL4", "--year", "2024"), Ct);

        Assert.True(submit.Exit == 0, submit.Error);
        Assert.Contains("submitted", submit.Output);
        Assert.Equal(1, noReason.Exit);
        Assert.Single(noReason.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(returned.Exit == 0, returned.Error);
        Assert.Equal(0, status.Exit);
        var row = status.Output.Split('\n').Single(l => l.Contains("CL4 ", StringComparison.Ordinal));
        Assert.Contains("退回", row);
        var overview = JsonDocument.Parse(await fixture.Silo.Admin.GetStringAsync("/api/v1/years/2024/units?department=CLD4", Ct)).RootElement;
        var warnings = overview.GetProperty("departments")[0].GetProperty("units")[0].GetProperty("warningCount").GetInt32();
        Assert.True(warnings > 0);
        Assert.Contains($" {warnings} ", row);
        Assert.Contains("退回 1", status.Output);
        Assert.Equal(1, illegal.Exit);
    }

    [Fact]
    public async Task Consolidation_prints_an_aligned_table_json_and_csv_in_wan_yuan()
    {
        var root = await WaitForRootTotalAsync(fixture.Silo.Admin, "department:139001", 7499.14m);
        Assert.Equal(7499.14m, root.GetProperty("total").GetDecimal());

        var table = await Task.Run(() => Akto("consolidation", "--year", "2024", "--scope", "department:139001", "--depth", "2"), Ct);
        var json = await Task.Run(() => Akto("consolidation", "--year", "2024", "--scope", "department:139001", "--format", "json"), Ct);
        var csv = await Task.Run(() => Akto("consolidation", "--year", "2024", "--scope", "department:139001", "--format", "csv", "--tree", "economic"), Ct);

        Assert.True(table.Exit == 0, table.Error);
        var lines = table.Output.Split('\n');
        var total = lines.Single(l => l.TrimStart().StartsWith("合计", StringComparison.Ordinal) && !l.Contains("total", StringComparison.Ordinal));
        Assert.Contains("7,499.14", total);
        Assert.Contains("1,198.75", total);
        var social = lines.Single(l => l.Contains(" 208 ", StringComparison.Ordinal));
        Assert.Contains("社会保障和就业支出", social);
        Assert.Contains("7,258.32", social);
        Assert.Equal(ColumnAfter(social, "7,258.32"), ColumnAfter(total, "7,499.14"));
        Assert.Contains(lines, l => l.Contains(" 20807 ", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", table.Output);

        Assert.Equal(7499.14m, JsonDocument.Parse(json.Output).RootElement.GetProperty("total").GetDecimal());
        Assert.Equal(0, csv.Exit);
        var csvLines = csv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,name,level,total,basic,project", csvLines[0]);
        Assert.StartsWith("root,", csvLines[1]);
        Assert.EndsWith(",0,7499.14,1198.75,6300.39", csvLines[1]);
    }

    [Fact]
    public async Task Consolidation_watch_redraws_when_the_figures_change()
    {
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var scope = "department:CLD5";
        (await PutAsync(fixture.Silo.Admin, "CL5", SeedAs("CL5", "CLD5"))).Dispose();
        await WaitForRootTotalAsync(fixture.Silo.Admin, scope, 7499.14m);

        // The tree is read node by node while a change propagates, so a rendering may show a half-propagated tree: watch
        // until the new total shows, then stop it as Ctrl+C would (exit 0).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var watching = Task.Run(() => global::Akto.Consolidation.Client.AktoCommandLine.RunAsync(
            ["consolidation", "--year", "2024", "--scope", scope, "--watch", "--interval", "0.2",
             "--server", fixture.Silo.Http.BaseAddress!.ToString(), "--key", fixture.Silo.Options.AdminKey, "--config", AktoCli.NoConfig],
            synchronized,
            TextWriter.Null,
            stop.Token), Ct);
        while (!output.ToString().Contains("7,499.14", StringComparison.Ordinal))
        {
            Assert.False(watching.IsCompleted, output.ToString());
            await Task.Delay(50, Ct);
        }

        (await PutAsync(fixture.Silo.Admin, "CL6", SeedAs("CL6", "CLD5"))).Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!output.ToString().Contains("14,998.28", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            Assert.False(watching.IsCompleted, output.ToString());
            await Task.Delay(50, Ct);
        }

        await stop.CancelAsync();
        var exit = await watching.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(0, exit);
        Assert.Contains("14,998.28", output.ToString());
    }

    [Fact]
    public async Task Diff_lists_the_disclosure_cells_that_changed_between_two_versions()
    {
        var catalog = global::Akto.Consolidation.Domain.Classification.ClassificationCatalog.ForYear(2024);
        JsonNode Unit(int seed)
        {
            var county = global::Akto.Consolidation.Synthetic.SyntheticCounty.Generate(new global::Akto.Consolidation.Synthetic.CountyOptions(Units: 1, Departments: 1, Seed: seed), catalog);
            var node = JsonNode.Parse(global::Akto.Consolidation.Synthetic.SyntheticCounty.Serialize(county.Documents[0]))!;
            node["unitCode"] = "CL7";
            node["departmentCode"] = "CLD7";
            return node;
        }

        var (v1, v2) = (Unit(1), Unit(2));
        using (var first = await PutAsync(fixture.Silo.Admin, "CL7", v1))
        using (var second = await PutAsync(fixture.Silo.Admin, "CL7", v2))
        {
            Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync(Ct));
        }

        var diff = await Task.Run(() => Akto("diff", "CL7", "1", "2", "--year", "2024"), Ct);
        var none = await Task.Run(() => Akto("diff", "CL7", "2", "2", "--year", "2024"), Ct);
        var missing = await Task.Run(() => Akto("diff", "CL7", "1", "9", "--year", "2024"), Ct);

        Assert.True(diff.Exit == 0, diff.Error);
        var total1 = v1["lines"]!.AsArray().Sum(l => l!["amount"]!.GetValue<decimal>());
        var total2 = v2["lines"]!.AsArray().Sum(l => l!["amount"]!.GetValue<decimal>());
        Assert.NotEqual(total1, total2);
        var row = diff.Output.Split('\n').First(l => l.Contains("总计", StringComparison.Ordinal) && l.Contains("支出/预算数", StringComparison.Ordinal));
        Assert.Contains(PublishedAmount.Format(total2, grouped: true), row);
        Assert.Contains("0 个单元格变化", none.Output);
        Assert.Equal(1, missing.Exit);
    }

    [Fact]
    public async Task Login_checks_the_key_and_writes_a_private_config_that_later_commands_use()
    {
        var config = Path.Combine(_folder, "cfg", "config.json");
        var bad = await Task.Run(() => AktoCli.Run("login", "--server", fixture.Silo.Http.BaseAddress!.ToString(), "--key", "wrong-key", "--config", config), Ct);
        Assert.Equal(3, bad.Exit);
        Assert.Contains("拒绝", bad.Error);
        Assert.False(File.Exists(config));

        var login = await Task.Run(() => AktoCli.Run("login", "--server", fixture.Silo.Http.BaseAddress!.ToString(), "--key", fixture.Silo.Options.AdminKey, "--config", config), Ct);
        Assert.True(login.Exit == 0, login.Error);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(config) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));

        var versions = await Task.Run(() => AktoCli.Run("versions", "139001", "--year", "2024", "--config", config), Ct);
        Assert.True(versions.Exit == 0, versions.Error);
        Assert.Contains("system", versions.Output);
    }

    /// <summary>The terminal column just after <paramref name="text"/> in <paramref name="line"/>: CJK characters take two.</summary>
    private static int ColumnAfter(string line, string text) =>
        line[..(line.IndexOf(text, StringComparison.Ordinal) + text.Length)].Sum(c => c >= '\u2E80' ? 2 : 1);
}
