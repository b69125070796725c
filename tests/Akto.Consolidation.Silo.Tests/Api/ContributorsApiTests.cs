using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary><c>GET …/consolidation/{tree}/{code}/contributors</c>: the grains' drill-down, with the API's role rules.</summary>
public sealed class ContributorsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin => fixture.Silo.Admin;

    [Fact]
    public async Task Lists_the_seed_unit_and_its_projects_under_2080705_with_the_seed_figure()
    {
        // The seed unit's own department: the class's other tests add units to the county (in any order), never to it.
        var node = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/consolidation/function/2080705/contributors?scope=department:139001", Ct);

        Assert.Equal("2080705", node.GetProperty("code").GetString());
        Assert.Equal(3585.73m, decimal.Round(node.GetProperty("total").GetDecimal(), 2));
        var unit = Assert.Single(node.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitCode").GetString() == "139001");
        Assert.Equal(3585.73m, decimal.Round(unit.GetProperty("total").GetDecimal(), 2));
        var projects = unit.GetProperty("projects").EnumerateArray().ToList();
        Assert.NotEmpty(projects);
        Assert.Equal(unit.GetProperty("project").GetDecimal(), projects.Sum(p => p.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task A_second_unit_of_a_department_appears_in_its_department_and_the_county_largest_first()
    {
        using var put = await PutAsync(Admin, "CT1", SeedAs("CT1", "CTD"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var department = await WaitForContributorAsync("department:CTD", "CT1");
        Assert.Equal(["CT1"], department.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString()));
        var county = await WaitForContributorAsync("county", "CT1");
        var totals = county.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("total").GetDecimal()).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);
    }

    [Fact]
    public async Task Bad_tree_code_and_scope_are_one_400_listing_each()
    {
        using var response = await Admin.GetAsync("/api/v1/years/2024/consolidation/trees/20x/contributors?scope=parish", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("tree", out _));
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("scope", out _));
    }

    [Fact]
    public async Task An_economic_code_of_seven_digits_is_refused()
    {
        using var response = await Admin.GetAsync("/api/v1/years/2024/consolidation/economic/3010101/contributors", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Keys_see_only_their_scope_and_anonymous_callers_nothing()
    {
        using var department = await ClientWithKeyAsync(fixture.Silo, "department", "139001");
        using var own = await department.GetAsync("/api/v1/years/2024/consolidation/function/208/contributors?scope=department:139001", Ct);
        using var county = await department.GetAsync("/api/v1/years/2024/consolidation/function/208/contributors?scope=county", Ct);
        using var other = await department.GetAsync("/api/v1/years/2024/consolidation/function/208/contributors?scope=department:CTD", Ct);
        using var anonymous = await fixture.Silo.Http.GetAsync("/api/v1/years/2024/consolidation/function/208/contributors?scope=county", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<JsonElement> WaitForContributorAsync(string scope, string unitCode)
    {
        // The trees are fed on a cadence: the unit appears within moments, not synchronously with the 201.
        for (var attempt = 0; ; attempt++)
        {
            var node = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/years/2024/consolidation/function/208/contributors?scope={scope}", Ct);
            if (node.GetProperty("units").EnumerateArray().Any(u => u.GetProperty("unitCode").GetString() == unitCode) || attempt == 100)
            {
                return node;
            }

            await Task.Delay(100, Ct);
        }
    }
}
