using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary><c>GET /api/v1/years/{year}/units</c>: the units overview from the registers and the unit grains, with its role rules.</summary>
public sealed class UnitsOverviewTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin => fixture.Silo.Admin;

    [Fact]
    public async Task Lists_every_department_with_its_units_states_versions_and_warning_counts()
    {
        using var a = await PutAsync(Admin, "OV1", SeedAs("OV1", "OVD1"));
        using var a2 = await PutAsync(Admin, "OV1", SeedAs("OV1", "OVD1"));
        using var b = await PutAsync(Admin, "OV2", SeedAs("OV2", "OVD1"));
        using var c = await PutAsync(Admin, "OV3", SeedAs("OV3", "OVD2"));
        Assert.Equal(HttpStatusCode.OK, a2.StatusCode);
        var warnings = (await a2.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("warnings").GetArrayLength();
        Assert.True(warnings > 0);
        using var sent = await Admin.PostAsync(UnitPath("OV2", "workflow/submit"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var overview = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/units", Ct);

        Assert.Equal(2024, overview.GetProperty("year").GetInt32());
        var departments = overview.GetProperty("departments").EnumerateArray().ToDictionary(d => d.GetProperty("departmentCode").GetString()!);
        Assert.Contains("139001", departments.Keys);
        var units = departments["OVD1"].GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(["OV1", "OV2"], units.Select(u => u.GetProperty("unitCode").GetString()));
        Assert.Equal(2, units[0].GetProperty("currentVersion").GetInt32());
        Assert.Equal(warnings, units[0].GetProperty("warningCount").GetInt32());
        Assert.Equal("测试单位 OV1", units[0].GetProperty("unitName").GetString());
        Assert.Equal("draft", units[0].GetProperty("state").GetString());
        Assert.Equal("submitted", units[1].GetProperty("state").GetString());
        Assert.True(units[1].GetProperty("lastChangedAt").GetDateTimeOffset() >= units[0].GetProperty("lastChangedAt").GetDateTimeOffset());
        Assert.False(departments["OVD1"].GetProperty("approved").GetBoolean());
        Assert.Equal("OV3", Assert.Single(departments["OVD2"].GetProperty("units").EnumerateArray()).GetProperty("unitCode").GetString());

        var one = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/units?department=OVD2", Ct);
        Assert.Equal("OVD2", Assert.Single(one.GetProperty("departments").EnumerateArray()).GetProperty("departmentCode").GetString());
    }

    [Fact]
    public async Task A_department_key_sees_its_own_department_only_and_a_unit_key_nothing()
    {
        (await PutAsync(Admin, "OV5", SeedAs("OV5", "OVD5"))).Dispose();
        (await PutAsync(Admin, "OV6", SeedAs("OV6", "OVD6"))).Dispose();
        using var department = await ClientWithKeyAsync(fixture.Silo, "department", "OVD5");
        using var unit = await ClientWithKeyAsync(fixture.Silo, "unit", "OV5");

        var own = await department.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/units", Ct);
        var only = Assert.Single(own.GetProperty("departments").EnumerateArray());
        Assert.Equal("OVD5", only.GetProperty("departmentCode").GetString());
        Assert.Equal("OV5", Assert.Single(only.GetProperty("units").EnumerateArray()).GetProperty("unitCode").GetString());
        using var explicitOwn = await department.GetAsync("/api/v1/years/2024/units?department=OVD5", Ct);
        Assert.Equal(HttpStatusCode.OK, explicitOwn.StatusCode);

        using var other = await department.GetAsync("/api/v1/years/2024/units?department=OVD6", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        using var byUnit = await unit.GetAsync("/api/v1/years/2024/units", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
    }

    [Fact]
    public async Task A_bad_department_code_or_year_is_a_problem_not_a_failure()
    {
        using var badCode = await Admin.GetAsync("/api/v1/years/2024/units?department=" + Uri.EscapeDataString("a/b c"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        using var badYear = await Admin.GetAsync("/api/v1/years/1900/units", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        var empty = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2031/units", Ct);
        Assert.Equal(0, empty.GetProperty("departments").GetArrayLength());
    }
}
