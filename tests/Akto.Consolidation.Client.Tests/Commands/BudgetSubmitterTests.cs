using System.Net;
using System.Text;
using Akto.Consolidation.Client.Commands;

namespace Akto.Consolidation.Client.Tests.Commands;

/// <summary>The submission over HTTP without a server: idempotency keys from content, retries of transient failures, findings of a rejection.</summary>
public sealed class BudgetSubmitterTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"year\":2024}");

    [Fact]
    public void The_idempotency_key_depends_on_the_bytes_the_unit_and_the_year_only()
    {
        var key = BudgetSubmitter.IdempotencyKey(2024, "139001", Body);

        Assert.Equal(key, BudgetSubmitter.IdempotencyKey(2024, "139001", Body.ToArray()));
        Assert.NotEqual(key, BudgetSubmitter.IdempotencyKey(2024, "139002", Body));
        Assert.NotEqual(key, BudgetSubmitter.IdempotencyKey(2025, "139001", Body));
        Assert.NotEqual(key, BudgetSubmitter.IdempotencyKey(2024, "139001", Encoding.UTF8.GetBytes("{\"year\":2024 }")));
        Assert.StartsWith("akto-", key);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_the_same_key_until_accepted()
    {
        var handler = new ScriptedHandler(
            _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => throw new HttpRequestException("connection reset"),
            _ => Json(HttpStatusCode.Created, "{\"version\":1,\"warnings\":[{\"ruleId\":\"W-1\",\"severity\":\"warning\",\"message\":\"m\",\"locations\":[\"$.a\"]}]}"));
        var submitter = Submitter(handler);
        var retries = 0;
        submitter.Retrying += () => retries++;

        var result = await submitter.SubmitAsync("a.json", 2024, "139001", Body, TestContext.Current.CancellationToken);

        Assert.Equal(SubmitResultKind.Accepted, result.Kind);
        Assert.Equal(1, result.Version);
        Assert.Equal(2, result.Retries);
        Assert.Equal(2, retries);
        Assert.Equal("W-1", Assert.Single(result.Findings).RuleId);
        Assert.Equal(3, handler.Keys.Count);
        Assert.Single(handler.Keys.Distinct());
        Assert.Equal(BudgetSubmitter.IdempotencyKey(2024, "139001", Body), handler.Keys[0]);
        Assert.All(handler.Paths, p => Assert.Equal("/api/v1/years/2024/units/139001/budget", p));
    }

    [Fact]
    public async Task A_rejection_is_not_retried_and_carries_every_finding()
    {
        var handler = new ScriptedHandler(_ => Json(
            HttpStatusCode.BadRequest,
            "{\"title\":\"预算审核不通过\",\"findings\":[{\"ruleId\":\"T1-01\",\"severity\":\"error\",\"message\":\"收支不平\",\"locations\":[\"表1[总计]\",\"$.income\"]},{\"ruleId\":\"W-2\",\"severity\":\"warning\",\"message\":\"w\",\"locations\":[]}]}"));

        var result = await Submitter(handler).SubmitAsync("a.json", 2024, "139001", Body, TestContext.Current.CancellationToken);

        Assert.Equal(SubmitResultKind.Rejected, result.Kind);
        Assert.Equal(0, result.Retries);
        Assert.Equal(["T1-01", "W-2"], result.Findings.Select(f => f.RuleId));
        Assert.Equal("表1[总计]; $.income", result.Findings[0].Location);
        Assert.Single(handler.Keys);
    }

    [Fact]
    public async Task A_server_that_stays_away_fails_after_the_last_attempt_and_a_conflict_is_refused()
    {
        var away = new ScriptedHandler(_ => throw new HttpRequestException("refused"));
        var failed = await Submitter(away, attempts: 3).SubmitAsync("a.json", 2024, "139001", Body, TestContext.Current.CancellationToken);
        var conflict = await Submitter(new ScriptedHandler(_ => Json(HttpStatusCode.Conflict, "{\"title\":\"当前状态不允许修改\"}")))
            .SubmitAsync("a.json", 2024, "139001", Body, TestContext.Current.CancellationToken);

        Assert.Equal(SubmitResultKind.Failed, failed.Kind);
        Assert.Equal(3, away.Keys.Count);
        Assert.Equal(SubmitResultKind.Refused, conflict.Kind);
        Assert.Contains("当前状态不允许修改", conflict.Message);
    }

    private static BudgetSubmitter Submitter(ScriptedHandler handler, int attempts = 5) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://akto.test/") }, attempts, TimeSpan.FromMilliseconds(1));

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Answers each request with the next step of a script (the last one repeats), recording keys and paths.</summary>
    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) : HttpMessageHandler
    {
        public List<string> Keys { get; } = [];

        public List<string> Paths { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Keys.Add(request.Headers.GetValues("Idempotency-Key").Single());
            Paths.Add(request.RequestUri!.AbsolutePath);
            var step = steps[Math.Min(Keys.Count - 1, steps.Length - 1)];
            return Task.FromResult(step(request));
        }
    }
}
