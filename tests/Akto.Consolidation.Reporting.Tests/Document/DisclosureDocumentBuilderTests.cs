using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Reporting.Document;

namespace Akto.Consolidation.Reporting.Tests.Document;

/// <summary>The document model: its parts, the glossary as data, the consolidated scopes.</summary>
public sealed class DisclosureDocumentBuilderTests
{
    [Fact]
    public void The_seed_unit_has_four_parts_eleven_tables_nine_performance_tables_and_a_sign_off()
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load());

        Assert.Equal("第一部分 2024年单位概况", document.OverviewHeading);
        Assert.Equal("第二部分 2024年单位预算公开表", document.TablesHeading);
        Assert.Equal("第三部分 2024年单位预算情况说明", document.ExplanationsHeading);
        Assert.Equal("第四部分 名词解释", document.GlossaryHeading);
        Assert.Equal(Enumerable.Range(1, 11), document.Tables.Select(t => t.Table.Id));
        Assert.All(document.Tables, t => Assert.Equal("编制单位：阿克陶县人力资源和社会保障局", t.PreparerLine));
        Assert.All(document.Tables, t => Assert.Equal("单位：万元", t.UnitLine));
        var performance = document.PerformanceTables.ToList();
        Assert.Equal(9, performance.Count);
        Assert.Equal(PerformanceTableKind.Unit, performance[0].Kind);
        Assert.All(performance.Skip(1), t => Assert.Equal(PerformanceTableKind.Project, t.Kind));
        Assert.Equal("阿克陶县人力资源和社会保障局", document.SignOff.Name);
        Assert.Equal("2024年01月26日", document.SignOff.DateText);
        Assert.Equal(76, document.Overview.Total!.ActualHeadcount);
    }

    [Fact]
    public void The_shipped_glossary_is_the_data_file_and_a_file_overrides_it()
    {
        var shipped = Glossaries.ForYear(2024);
        Assert.Equal(8, shipped.Entries.Count);
        Assert.Equal("财政拨款", shipped.Entries[0].Term);
        Assert.Equal("“三公”经费", shipped.Entries[6].Term);

        var path = Path.Combine(Path.GetTempPath(), $"glossary-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"title":"名词解释","entries":[{"term":"测试名词<b>","definition":"只在这个文件里的解释。"}]}""");
        try
        {
            var own = Glossary.ReadFile(path);
            var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load(), glossary: own);
            var part = SeedSections.HtmlSection(HtmlDisclosureWriter.ToHtml(document), "part-4");

            Assert.Contains("<p>一、测试名词&lt;b&gt;：只在这个文件里的解释。</p>", part, StringComparison.Ordinal);
            Assert.DoesNotContain("财政拨款：", part, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_default_glossary_appears_in_part_four()
    {
        var html = HtmlDisclosureWriter.ToHtml(DisclosureDocumentBuilder.ForUnit(SeedBudget.Load()));
        var part = SeedSections.HtmlSection(html, "part-4");
        foreach (var (entry, i) in Glossaries.ForYear(2024).Entries.Select((e, i) => (e, i)))
        {
            Assert.Contains($"<p>{OverviewText.ChineseNumber(i + 1)}、{System.Net.WebUtility.HtmlEncode(entry.Term)}：", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_glossary_without_entries_is_refused()
    {
        using var stream = new MemoryStream("""{"title":"名词解释","entries":[]}"""u8.ToArray());
        Assert.Throws<InvalidDataException>(() => Glossary.Read(stream));
    }

    [Fact]
    public void A_department_lists_its_units_sums_their_staffing_and_renders()
    {
        var head = SeedBudget.Load();
        var second = head with { UnitCode = head.UnitCode + "01", UnitName = "阿克陶县就业服务中心" };
        var document = DisclosureDocumentBuilder.ForScope([head, second]);

        Assert.Equal(DisclosureScopeKind.Department, document.Scope.Kind);
        Assert.Equal(2, document.Overview.Units.Count);
        Assert.Equal(2 * head.Staffing!.ActualHeadcount, document.Overview.Total!.ActualHeadcount);
        Assert.Equal(2 * head.Staffing.Retired, document.Overview.Total.Retired);
        Assert.Equal(18, document.PerformanceTables.Count());
        Assert.Equal("第一部分 2024年部门概况", document.OverviewHeading);
        Assert.Equal(2 * DisclosureTables.For(head).Table(1).Value("总计", "收入/预算数"), document.Tables[0].Table.Value("总计", "收入/预算数"));

        var html = HtmlDisclosureWriter.ToHtml(document);
        Assert.Contains("本次公开包括2个预算单位：阿克陶县人力资源和社会保障局、阿克陶县就业服务中心。", html, StringComparison.Ordinal);
        Assert.Contains("实有人数152人", html, StringComparison.Ordinal);
        Assert.NotEmpty(XlsxDisclosureWriter.ToBytes(document));
    }

    [Fact]
    public void Chinese_numbers_count_items()
    {
        Assert.Equal("一", OverviewText.ChineseNumber(1));
        Assert.Equal("十", OverviewText.ChineseNumber(10));
        Assert.Equal("十二", OverviewText.ChineseNumber(12));
        Assert.Equal("二十", OverviewText.ChineseNumber(20));
        Assert.Equal("二十三", OverviewText.ChineseNumber(23));
    }
}
