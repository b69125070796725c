using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Domain.Classification;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary>The catalog API on an embedded silo: reading a year's catalog, and replacing it while the silo runs.</summary>
public sealed class CatalogApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin => fixture.Silo.Admin;

    private static string CatalogPath(int year, string tree) => $"/api/v1/years/{year}/catalogs/{tree}";

    /// <summary>The shipped 2024 tree as another year's, in the file format, optionally without some codes.</summary>
    private static string ShippedAs(int year, ClassificationTree tree, params string[] without)
    {
        var entries = ClassificationCatalogs.Shipped.Get(2024).Entries(tree).Where(e => !without.Contains(e.Code)).Select(e => e with { Year = year });
        return CatalogLoader.Write(new CatalogTreeFile(year, tree, $"测试 {year}", [.. entries]));
    }

    private static Task<HttpResponseMessage> PutCsvAsync(HttpClient client, int year, string tree, string csv) =>
        client.PutAsync(CatalogPath(year, tree), new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, int year, string unitCode)
    {
        var document = SeedAs(unitCode);
        document["year"] = year;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/years/{year}/units/{unitCode}/budget")
        {
            Content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Get_lists_a_years_catalog_with_source_and_version_and_gives_the_file_format_as_csv()
    {
        var catalog = await Admin.GetFromJsonAsync<JsonElement>(CatalogPath(2024, "function"), Ct);

        Assert.Equal(0, catalog.GetProperty("version").GetInt32());
        var entry = catalog.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "2080101");
        Assert.Equal("项", entry.GetProperty("level").GetString());
        Assert.Equal("20801", entry.GetProperty("parent").GetString());

        var csv = await Admin.GetStringAsync(CatalogPath(2024, "economic") + "?format=csv", Ct);
        Assert.Contains("code,name,level,parent,year\n301,工资福利支出,类,,2024\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tree_and_year_without_catalog_are_404_problems()
    {
        using var tree = await Admin.GetAsync(CatalogPath(2024, "government"), Ct);
        using var year = await Admin.GetAsync(CatalogPath(2099, "function"), Ct);
        using var put = await PutCsvAsync(Admin, 2024, "government", "code,name,level,parent,year\n");

        Assert.Equal(HttpStatusCode.NotFound, tree.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, year.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal("application/problem+json", year.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2099", await year.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_finance_bureau_replaces_a_catalog_and_any_role_reads_it()
    {
        using var department = await ClientWithKeyAsync(fixture.Silo, "department", "D900");

        using var put = await PutCsvAsync(department, 2041, "economic", ShippedAs(2041, ClassificationTree.Economic));
        using var get = await department.GetAsync(CatalogPath(2024, "economic"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var after = await Admin.GetAsync(CatalogPath(2041, "economic"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task A_bad_csv_is_400_listing_every_line_and_changes_nothing()
    {
        var csv = "# 错误示例\ncode,name,level,parent,year\n301,,类,,2042\n30101,基本工资,款,302,2042\n30101,基本工资,款,301,2042\n3010,x,款,301,2041\n";

        using var response = await PutCsvAsync(Admin, 2042, "economic", csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("line 3, name", out _));
        Assert.True(errors.TryGetProperty("line 4, parent", out _));
        Assert.True(errors.TryGetProperty("line 5, code", out _));
        Assert.True(errors.TryGetProperty("line 6, code", out _));
        Assert.True(errors.TryGetProperty("line 6, year", out _));
        Assert.Equal(5, problem.GetProperty("problems").GetArrayLength());
        using var after = await Admin.GetAsync(CatalogPath(2042, "economic"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task A_json_catalog_is_accepted_with_inferred_levels_and_its_errors_are_json_paths()
    {
        var bad = new { source = "JSON", entries = new object[] { new { code = "301", name = "" }, new { code = "30101", name = "基本工资", parent = "399" } } };
        using var rejected = await Admin.PutAsJsonAsync(CatalogPath(2043, "economic"), bad, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var errors = (await rejected.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("$.entries[0].name", out _));
        Assert.True(errors.TryGetProperty("$.entries[1].parent", out _));

        var good = new { source = "JSON", entries = new object[] { new { code = "301", name = "工资福利支出" }, new { code = "30101", name = "基本工资" } } };
        using var accepted = await Admin.PutAsJsonAsync(CatalogPath(2043, "economic"), good, Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var catalog = await Admin.GetFromJsonAsync<JsonElement>(CatalogPath(2043, "economic"), Ct);
        Assert.Equal(1, catalog.GetProperty("version").GetInt32());
        Assert.Equal("JSON", catalog.GetProperty("source").GetString());
        Assert.Equal(["301", "30101"], catalog.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Importing_an_edited_catalog_changes_what_validates_without_a_restart()
    {
        const int year = 2044;
        var economicCode = SeedAs("x")["lines"]![0]!["economicCode"]!.GetValue<string>();

        // No catalog for the year: the submission is refused, clearly.
        using (var none = await SubmitAsync(Admin, year, "C100"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            Assert.Contains("S-03", await none.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // A catalog without one code the seed uses: still refused, now for that code.
        (await PutCsvAsync(Admin, year, "function", ShippedAs(year, ClassificationTree.Function))).EnsureSuccessStatusCode();
        (await PutCsvAsync(Admin, year, "economic", ShippedAs(year, ClassificationTree.Economic, economicCode))).EnsureSuccessStatusCode();
        using (var without = await SubmitAsync(Admin, year, "C100"))
        {
            var body = await without.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
            Assert.DoesNotContain("S-03", body, StringComparison.Ordinal);
            Assert.Contains(economicCode, body, StringComparison.Ordinal);
        }

        // The code added back: the same submission is accepted, on the same running silo.
        using (var put = await PutCsvAsync(Admin, year, "economic", ShippedAs(year, ClassificationTree.Economic)))
        {
            Assert.Equal(3, (await put.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        }

        using (var accepted = await SubmitAsync(Admin, year, "C100"))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        // And removed again: the next unit's submission is refused again.
        (await PutCsvAsync(Admin, year, "economic", ShippedAs(year, ClassificationTree.Economic, economicCode))).EnsureSuccessStatusCode();
        using var again = await SubmitAsync(Admin, year, "C101");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Akto_catalog_import_with_a_server_replaces_the_catalog_on_the_running_silo()
    {
        var work = Directory.CreateTempSubdirectory("akto-import").FullName;
        var csv = Path.Combine(work, "economic.csv");
        File.WriteAllText(csv, "code,name\n301,工资福利支出\n30101,基本工资\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Task.Run(() => Client.AktoCommandLine.Run(
            ["catalog", "import", csv, "--year", "2045", "--tree", "economic", "--out", work, "--server", fixture.Silo.Http.BaseAddress!.ToString(), "--api-key", fixture.Silo.Options.AdminKey],
            output,
            error), Ct);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("version 1", output.ToString(), StringComparison.Ordinal);
        var catalog = await Admin.GetFromJsonAsync<JsonElement>(CatalogPath(2045, "economic"), Ct);
        Assert.Equal(["301", "30101"], catalog.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
    }
}
