using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Domain.Disclosure;
using Akto.Consolidation.Reporting.Document;
using Akto.Consolidation.Synthetic;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Akto.Consolidation.Reporting.Tests.Document;

/// <summary>Department and county documents over a generated county, by the same builder and renderers as a unit's.</summary>
public sealed class ConsolidatedDocumentTests
{
    private static readonly Lazy<SyntheticCounty> County = new(() =>
        SyntheticCounty.Generate(new CountyOptions(Units: 24, Departments: 5, Seed: 11), ClassificationCatalogs.Shipped.Get(2024)));

    [Fact]
    public void The_county_document_lists_every_unit_sums_staffing_and_prints_every_table_figure()
    {
        var documents = County.Value.Documents;
        var document = DisclosureDocumentBuilder.ForScope(documents);
        var html = HtmlDisclosureWriter.ToHtml(document);

        Assert.Equal(DisclosureScopeKind.County, document.Scope.Kind);
        Assert.Equal("第一部分 2024年全县概况", document.OverviewHeading);
        Assert.Equal(documents.Count, document.Overview.Units.Count);
        Assert.True(document.Overview.Total!.ActualHeadcount > 0);
        Assert.Equal(documents.Sum(d => d.Staffing?.ActualHeadcount ?? 0), document.Overview.Total.ActualHeadcount);
        Assert.Equal(documents.Sum(d => (d.UnitPerformance is null ? 0 : 1) + d.Projects.Count(p => p.Performance is not null)), document.PerformanceTables.Count());
        var expected = DisclosureTables.Consolidate(documents, document.Scope);
        foreach (var table in expected.Tables)
        {
            var figures = table.Rows.SelectMany(r => r.Cells.Values).OfType<decimal>().Select(PublishedAmount.Round);
            SeedSections.ContainsAll(figures, SeedSections.HtmlCells(html, $"table-{table.Id}").SelectMany(SeedSections.Figures), $"表{table.Id}");
        }
    }

    [Fact]
    public void Department_and_unit_documents_of_a_generated_county_render_to_valid_xlsx()
    {
        var department = County.Value.Departments.First(d => d.Units.Count > 1);
        var byDepartment = DisclosureDocumentBuilder.ForScope(department.Units);
        Assert.Equal(DisclosureScopeKind.Department, byDepartment.Scope.Kind);
        Assert.Equal(department.Units.Count, byDepartment.Overview.Units.Count);
        foreach (var document in new[] { byDepartment, DisclosureDocumentBuilder.ForUnit(department.Units[0]) })
        {
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxDisclosureWriter.ToBytes(document)), false);
            var names = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToList();
            Assert.Equal(1 + 11 + document.PerformanceTables.Count(), names.Count);
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            if (document.Scope.Kind == DisclosureScopeKind.Department)
            {
                Assert.Contains(names, n => n.Contains(department.Units[1].UnitName[..Math.Min(10, department.Units[1].UnitName.Length)], StringComparison.Ordinal));
            }

            var errors = new OpenXmlValidator().Validate(workbook, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors.Take(5)));
        }
    }

    [Fact]
    public void The_seed_unit_xlsx_is_valid_open_xml()
    {
        var document = DisclosureDocumentBuilder.ForUnit(SeedBudget.Load());
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(XlsxDisclosureWriter.ToBytes(document)), false);
        var errors = new OpenXmlValidator().Validate(workbook, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(5)));
    }

    [Fact]
    public void The_county_documents_printed_tables_add_up_class_by_class_and_column_by_column()
    {
        var document = DisclosureDocumentBuilder.ForScope(County.Value.Documents);
        foreach (var table in document.Tables.Select(p => p.Table).Where(t => t.Id is 2 or 3 or 5 or 6 or 7 or 8 or 9))
        {
            var total = table.Rows.Single(r => r.Code is null && r.Name is "合计");
            foreach (var column in table.Columns)
            {
                var classes = table.Rows.Where(r => r.Level == "类").Sum(r => r.Cells.GetValueOrDefault(column) ?? 0m);
                Assert.True(classes == (total.Cells.GetValueOrDefault(column) ?? 0m), $"表{table.Id} {column}: 类 sum {classes} ≠ 合计 {total.Cells.GetValueOrDefault(column)}");
            }

            // A 款 prints the sum of its 项, a 类 the sum of its 款.
            foreach (var parent in table.Rows.Where(r => r.Level is "类" or "款" && r.Project is null))
            {
                var children = table.Rows.Where(r => r.Code is { } code && r.Project is null && code.Length == parent.Code!.Length + 2 && code.StartsWith(parent.Code, StringComparison.Ordinal)).ToList();
                if (children.Count == 0)
                {
                    continue;
                }

                foreach (var column in table.Columns)
                {
                    Assert.Equal(parent.Cells.GetValueOrDefault(column) ?? 0m, children.Sum(c => c.Cells.GetValueOrDefault(column) ?? 0m));
                }
            }
        }

        foreach (var (id, parts) in new[] { (3, 2), (5, 2), (6, 2) })
        {
            var table = document.Tables[id - 1].Table;
            foreach (var row in table.Rows)
            {
                Assert.Equal(row.Cells[table.Columns[0]] ?? 0m, table.Columns.Skip(1).Take(parts).Sum(c => row.Cells[c] ?? 0m));
            }
        }

        var table1 = document.Tables[0].Table;
        Assert.Equal(table1.Value("总计", table1.Columns[0]), table1.Value("总计", table1.Columns[^1]));
    }

    [Fact]
    public void The_county_document_explains_its_budget_with_the_figures_it_prints()
    {
        var document = DisclosureDocumentBuilder.ForScope(County.Value.Documents);
        var paragraphs = document.Explanations.OfType<ParagraphBlock>().Select(p => p.Text).ToList();
        var table1 = document.Tables[0].Table;

        Assert.Equal("一、关于阿克陶县2024年全县收支预算情况的总体说明".Replace("阿克陶县", document.Scope.Name, StringComparison.Ordinal), paragraphs[0]);
        Assert.Contains(paragraphs, p => p.StartsWith("十二、", StringComparison.Ordinal));
        Assert.Contains($"由{County.Value.Documents.Count}个预算单位", paragraphs[1], StringComparison.Ordinal);
        Assert.Contains($"收支总预算{PublishedAmount.Format(table1.Value("总计", table1.Columns[0]), grouped: true)}万元", paragraphs[1], StringComparison.Ordinal);
        // Every amount the text states is one the tables print (shares are percentages and say so).
        // A blank cell prints as nothing; the text says 0.00 of it.
        var printed = document.Tables.SelectMany(t => t.Table.Rows).SelectMany(r => r.Cells.Values).OfType<decimal>().Append(0m).ToHashSet();
        var amounts = paragraphs.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p, @"([\d,]+\.\d{2})万元").Select(m => decimal.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(amounts.Count > 10);
        Assert.All(amounts, a => Assert.Contains(a, printed));
        // The 绩效目标表 follow the paragraphs.
        var firstTable = document.Explanations.ToList().FindIndex(b => b is PerformanceBlock);
        Assert.Equal(paragraphs.Count, firstTable);
    }

    [Fact]
    public void A_department_document_in_yuan_explains_in_yuan()
    {
        var department = County.Value.Departments.First(d => d.Units.Count > 1);
        var document = DisclosureDocumentBuilder.ForScope(department.Units, unit: PublishedUnit.Yuan);
        var paragraphs = document.Explanations.OfType<ParagraphBlock>().Select(p => p.Text).ToList();

        Assert.StartsWith("一、关于", paragraphs[0], StringComparison.Ordinal);
        Assert.Contains("部门收支预算情况的总体说明", paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain(paragraphs, p => p.Contains("万元", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("收支总预算", StringComparison.Ordinal) && p.EndsWith("元。", StringComparison.Ordinal));
    }
}
