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
}
