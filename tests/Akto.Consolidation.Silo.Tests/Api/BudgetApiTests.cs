using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akto.Consolidation.Silo.Security;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Api;

/// <summary>The budget API on an embedded silo: submission, versions, workflow, bad input and authorization.</summary>
public sealed class BudgetApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin => fixture.Silo.Admin;

    [Fact]
    public async Task First_start_loads_the_seed_unit_and_serves_its_consolidation_and_disclosure()
    {
        var versions = await Admin.GetFromJsonAsync<JsonElement>(UnitPath("139001", "versions"), Ct);
        Assert.Equal("system", versions[0].GetProperty("author").GetString());

        var root = await WaitForRootTotalAsync(Admin, "county", 7499.14m);
        Assert.True(root.GetProperty("total").GetDecimal() >= 7499.14m);
        var department = await WaitForRootTotalAsync(Admin, "department:139001", 7499.14m);
        Assert.Equal(7499.14m, department.GetProperty("total").GetDecimal());
        Assert.Equal(1198.75m, department.GetProperty("basic").GetDecimal());
        Assert.Equal(3852.63m, department.GetProperty("sources").GetProperty("generalBudget").GetDecimal());

        var disclosure = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/disclosure?scope=unit:139001&format=json", Ct);
        var table1 = disclosure.GetProperty("tables")[0];
        var total = table1.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "总计");
        Assert.Equal("7499.14", total.GetProperty("cells").GetProperty("收入/预算数").GetRawText());
    }

    [Fact]
    public async Task First_version_is_201_later_ones_200_with_the_version_as_etag()
    {
        using var first = await PutAsync(Admin, "T100", SeedAs("T100"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);

        using var second = await PutAsync(Admin, "T100", SeedAs("T100"), ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());

        var (status, etag, _) = await GetCurrentAsync(Admin, "T100");
        Assert.Equal(200, status);
        Assert.Equal("\"2\"", etag);
        using var old = await Admin.GetAsync(UnitPath("T100") + "?version=1", Ct);
        Assert.Equal("\"1\"", old.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Stale_if_match_is_409_and_changes_nothing()
    {
        (await PutAsync(Admin, "T101", SeedAs("T101"))).Dispose();
        (await PutAsync(Admin, "T101", SeedAs("T101"), ifMatch: "\"1\"")).Dispose();

        using var stale = await PutAsync(Admin, "T101", SeedAs("T101"), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await AuthenticationTests.ReadProblemAsync(stale)).GetProperty("currentVersion").GetInt32());
        Assert.Equal("\"2\"", (await GetCurrentAsync(Admin, "T101")).ETag);
    }

    [Fact]
    public async Task Retried_submission_with_the_same_idempotency_key_returns_the_first_result_without_a_new_version()
    {
        (await PutAsync(Admin, "T102", SeedAs("T102"))).Dispose();

        using var once = await PutAsync(Admin, "T102", SeedAs("T102"), idempotencyKey: "req-42");
        using var twice = await PutAsync(Admin, "T102", SeedAs("T102"), idempotencyKey: "req-42");

        Assert.Equal(2, (await once.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        Assert.Equal(2, (await twice.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        Assert.Equal(2, (await Admin.GetFromJsonAsync<JsonElement>(UnitPath("T102", "versions"), Ct)).GetArrayLength());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "malformed JSON", "{\"year\": 2024, \"unitCode\": " },
        { "empty body", "" },
        { "array instead of object", "[1,2,3]" },
        { "wrong types", "{\"formatVersion\":1,\"year\":\"2024\",\"unitCode\":\"T103\",\"unitName\":1,\"departmentCode\":\"T103\",\"income\":{},\"lines\":\"none\"}" },
        { "number out of range", "{\"formatVersion\":1,\"year\":2024,\"unitCode\":\"T103\",\"unitName\":\"x\",\"departmentCode\":\"T103\",\"income\":[{\"source\":\"generalBudget\",\"amount\":1e400}],\"lines\":[]}" },
        { "deep nesting", new string('[', 5000) + new string(']', 5000) },
        { "unknown codes", Edit(d => d["lines"]![0]!["functionCode"] = "2089998") },
        { "unbalanced totals", Edit(d => d["lines"]![0]!["amount"] = 101.00m) },
        { "negative amount", Edit(d => d["income"]![0]!["amount"] = -1m) },
        { "year differs from the URL", Edit(d => d["year"] = 2025) },
        { "unit code differs from the URL", Edit(d => d["unitCode"] = "T999") },
        { "unknown property", Edit(d => d["surplus"] = 1) },
        { "unknown enum value", Edit(d => d["lines"]![0]!["fundSource"] = "lottery") },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_400_problem_details_and_the_accepted_version_stays_intact(string why, string body)
    {
        (await PutAsync(Admin, "T103", SeedAs("T103"))).Dispose();
        var before = await GetCurrentAsync(Admin, "T103");

        using var response = await PutRawAsync(Admin, "T103", body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var problem = await AuthenticationTests.ReadProblemAsync(response);
        var findings = problem.GetProperty("findings");
        Assert.True(findings.GetArrayLength() > 0, why);
        Assert.All(findings.EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error"), f => Assert.True(f.GetProperty("locations").GetArrayLength() > 0));
        Assert.Equal(before, await GetCurrentAsync(Admin, "T103"));
    }

    [Fact]
    public async Task Random_mutations_of_a_valid_document_never_give_a_server_error_or_lose_the_accepted_version()
    {
        (await PutAsync(Admin, "T108", SeedAs("T108"))).Dispose();
        var random = new Random(20241);
        JsonNode?[] replacements = [null, "x", -1, 1e30, true, new JsonObject(), new JsonArray(), JsonValue.Create(79228162514264337593543950335m), "2080101", -0.001m, 1.123456789m, ""];
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var before = await GetCurrentAsync(Admin, "T108");
            var document = SeedAs("T108");
            for (var mutation = random.Next(1, 4); mutation > 0; mutation--)
            {
                var values = Walk(document).Where(n => n.Parent is not null).ToList();
                var target = values[random.Next(values.Count)];
                var replacement = replacements[random.Next(replacements.Length)]?.DeepClone();
                switch (target.Parent)
                {
                    case JsonObject parent when random.Next(4) == 0:
                        parent.Remove(target.GetPropertyName());
                        break;
                    case JsonObject parent:
                        parent[target.GetPropertyName()] = replacement;
                        break;
                    case JsonArray array:
                        array[target.GetElementIndex()] = replacement;
                        break;
                }
            }

            using var response = await PutAsync(Admin, "T108", document);

            var status = (int)response.StatusCode;
            Assert.True(status is 200 or 400, $"mutation {attempt}: {status} {await response.Content.ReadAsStringAsync(Ct)}");
            if (status == 400)
            {
                await AuthenticationTests.ReadProblemAsync(response);
                Assert.Equal(before, await GetCurrentAsync(Admin, "T108"));
            }
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }

    [Fact]
    public async Task Unbalanced_totals_name_the_broken_rules_and_where()
    {
        (await PutAsync(Admin, "T104", SeedAs("T104"))).Dispose();

        using var response = await PutRawAsync(Admin, "T104", Edit(d => d["lines"]![0]!["amount"] = 101.00m, "T104"));

        var problem = await AuthenticationTests.ReadProblemAsync(response);
        var rules = problem.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error").Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("T1-01", rules);
        Assert.Contains("X-100", rules);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.income[0].amount", out _));
    }

    [Fact]
    public async Task Workflow_transitions_are_checked_and_only_the_bureau_approves()
    {
        (await PutAsync(Admin, "T105", SeedAs("T105"))).Dispose();
        using var unitClient = await ClientWithKeyAsync(fixture.Silo, AktoRoles.Unit, "T105");

        using var approveDraft = await Admin.PostAsync(UnitPath("T105", "workflow/approve"), null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, approveDraft.StatusCode);

        using var submit = await unitClient.PostAsync(UnitPath("T105", "workflow/submit"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal("submitted", (await submit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());

        using var unitApproves = await unitClient.PostAsync(UnitPath("T105", "workflow/approve"), null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, unitApproves.StatusCode);

        using var returnWithoutReason = await Admin.PostAsync(UnitPath("T105", "workflow/return"), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, returnWithoutReason.StatusCode);

        using var editWhileSubmitted = await PutAsync(unitClient, "T105", SeedAs("T105"));
        Assert.Equal(HttpStatusCode.Conflict, editWhileSubmitted.StatusCode);

        using var returned = await Admin.PostAsJsonAsync(UnitPath("T105", "workflow/return"), new { reasons = new[] { "公用经费超标" } }, Ct);
        Assert.Equal("returned", (await returned.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("state").GetString());

        using var unknown = await Admin.PostAsync(UnitPath("T105", "workflow/publish"), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var status = await unitClient.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/units/T105", Ct);
        Assert.Equal("returned", status.GetProperty("state").GetString());
        Assert.Equal(["sendForReview", "return"], status.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task A_unit_key_cannot_read_or_write_another_unit()
    {
        (await PutAsync(Admin, "T106", SeedAs("T106"))).Dispose();
        (await PutAsync(Admin, "T107", SeedAs("T107"))).Dispose();
        using var unitClient = await ClientWithKeyAsync(fixture.Silo, AktoRoles.Unit, "T106");

        Assert.Equal(200, (await GetCurrentAsync(unitClient, "T106")).Status);
        Assert.Equal(403, (await GetCurrentAsync(unitClient, "T107")).Status);
        using var write = await PutAsync(unitClient, "T107", SeedAs("T107"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        await AuthenticationTests.ReadProblemAsync(write);
        using var county = await unitClient.GetAsync("/api/v1/years/2024/consolidation/function?scope=county", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
        using var otherDisclosure = await unitClient.GetAsync("/api/v1/years/2024/disclosure?scope=unit:T107", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, otherDisclosure.StatusCode);
        Assert.Equal("\"1\"", (await GetCurrentAsync(Admin, "T107")).ETag);
    }

    [Fact]
    public async Task A_department_key_sees_only_its_units_and_its_department()
    {
        (await PutAsync(Admin, "T201", SeedAs("T201", "D20"))).Dispose();
        (await PutAsync(Admin, "T301", SeedAs("T301", "D30"))).Dispose();
        using var department = await ClientWithKeyAsync(fixture.Silo, AktoRoles.Department, "D20");

        Assert.Equal(200, (await GetCurrentAsync(department, "T201")).Status);
        Assert.Equal(403, (await GetCurrentAsync(department, "T301")).Status);
        using var created = await PutAsync(department, "T202", SeedAs("T202", "D20"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var elsewhere = await PutAsync(department, "T203", SeedAs("T203", "D30"));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        using var moveAway = await PutAsync(department, "T301", SeedAs("T301", "D20"));
        Assert.Equal(HttpStatusCode.Forbidden, moveAway.StatusCode);

        var own = await WaitForRootTotalAsync(department, "department:D20", 2 * 7499.14m);
        Assert.Equal(2 * 7499.14m, own.GetProperty("total").GetDecimal());
        using var other = await department.GetAsync("/api/v1/years/2024/consolidation/function?scope=department:D30", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var county = await department.GetAsync("/api/v1/years/2024/disclosure?scope=county", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/years/2024/consolidation/sideways?scope=county")]
    [InlineData("/api/v1/years/2024/consolidation/function?scope=province")]
    [InlineData("/api/v1/years/2024/consolidation/function?scope=county&depth=99")]
    [InlineData("/api/v1/years/2024/consolidation/function?scope=county&code=12")]
    [InlineData("/api/v1/years/2024/disclosure?scope=unit:139001&format=docx")]
    [InlineData("/api/v1/years/2024/disclosure?scope=unit:139001&format=json&unit=千元")]
    [InlineData("/api/v1/years/2024/disclosure?scope=planet:x")]
    [InlineData("/api/v1/years/99999/units/139001/budget")]
    [InlineData("/api/v1/years/2024/units/bad%2Fcode/budget")]
    [InlineData("/api/v1/years/2024/units/139001/budget?version=abc")]
    public async Task Malformed_queries_are_400_problem_details(string path)
    {
        using var response = await Admin.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AuthenticationTests.ReadProblemAsync(response);
    }

    [Theory]
    [InlineData("/api/v1/years/2024/disclosure?scope=unit:NOBODY", 404)]
    [InlineData("/api/v1/years/2024/units/NOBODY/budget", 404)]
    [InlineData("/api/v1/years/2031/disclosure?scope=unit:139001", 404)]
    [InlineData("/api/v1/years/2031/disclosure?scope=county&format=csv", 404)]
    [InlineData("/api/v1/years/2031/consolidation/function?scope=county", 404)]
    public async Task Budgets_that_do_not_exist_are_404_problems(string path, int status)
    {
        using var response = await Admin.GetAsync(path, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        await AuthenticationTests.ReadProblemAsync(response);
    }

    [Theory]
    [InlineData("/api/v1/years/2024/disclosure?scope=department:EMPTY")]
    [InlineData("/api/v1/years/2024/consolidation/economic?scope=department:EMPTY&depth=3")]
    [InlineData("/api/v1/years/2024/consolidation/function?scope=county&code=999&depth=2")]
    [InlineData("/api/v1/years/2024/consolidation/function?scope=county&code=2080101&depth=2")]
    public async Task Scopes_without_units_answer_with_empty_figures_not_errors(string path)
    {
        using var response = await Admin.GetAsync(path, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task Consolidation_drills_into_the_tree_with_exact_amounts()
    {
        await WaitForRootTotalAsync(Admin, "department:139001", 7499.14m);

        var item = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/consolidation/function?scope=department:139001&code=20801&depth=1", Ct);

        Assert.Equal(1046.44m, item.GetProperty("total").GetDecimal());
        var children = item.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("total").GetDecimal());
        Assert.Equal(540.24m, children["2080101"]);
        Assert.Equal(442.65m, children["2080150"]);
        var economic = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/years/2024/consolidation/economic?scope=department:139001&code=302&depth=0", Ct);
        Assert.Equal(901.81m, economic.GetProperty("total").GetDecimal());
        Assert.Equal(68.19m, economic.GetProperty("basicPublic").GetDecimal());
    }

    private static string Edit(Action<JsonNode> change, string unitCode = "T103")
    {
        var document = SeedAs(unitCode);
        change(document);
        return document.ToJsonString();
    }
}
