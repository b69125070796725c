using System.Collections.Concurrent;
using System.Net;
using Akto.Consolidation.Silo.Tests.Infrastructure;
using static Akto.Consolidation.Silo.Tests.Api.BudgetApi;

namespace Akto.Consolidation.Silo.Tests.Hosting;

/// <summary>
/// Many departments submitting at once, on the real silo and real storage. PostgreSQL is where races show: Npgsql is
/// truly asynchronous, so grain storage serializes state on another thread while the grain goes on (memory storage
/// serializes synchronously and hid a reentrant node grain that changed its state during a write: 500s under load).
/// </summary>
public sealed class ConcurrentSubmissionTests
{
    private const int Clients = 16;
    private const int Departments = 4;
    private const int UnitsPerDepartment = 16;
    private const decimal SeedTotal = 7499.14m;

    public static TheoryData<string> Storages => ["postgres", "sqlite"];

    [Theory]
    [MemberData(nameof(Storages))]
    public async Task Concurrent_submissions_are_all_acknowledged_and_every_root_is_exact(string storage)
    {
        var directory = Path.Combine(Path.GetTempPath(), SiloOptions.Unique("akto-concurrent"));
        var options = (storage == "postgres" ? SiloOptions.OnPostgres() : SiloOptions.Embedded(directory)) with
        {
            Extra = new() { ["Akto:LoadSeed"] = "false" },
        };

        try
        {
            await using var silo = await RunningSilo.StartAsync(options);
            var prefix = SiloOptions.Unique("C")[^6..].ToUpperInvariant();
            var units = (
                from d in Enumerable.Range(0, Departments)
                from u in Enumerable.Range(0, UnitsPerDepartment)
                select (Unit: $"{prefix}{d}{u:D2}", Department: $"{prefix}{d}00")).ToList();

            // Every unit twice (a first version, then a second), so that leaves shared by the whole department and the
            // county take contributions while their previous writes are in flight.
            var failures = new ConcurrentBag<string>();
            var work = new ConcurrentQueue<(string Unit, string Department)>(units.Concat(units));
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
            {
                while (work.TryDequeue(out var next))
                {
                    using var response = await PutAsync(silo.Admin, next.Unit, SeedAs(next.Unit, next.Department));
                    if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
                    {
                        failures.Add($"{next.Unit}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                    }
                }
            }));

            Assert.Empty(failures);
            foreach (var department in units.Select(u => u.Department).Distinct())
            {
                var root = await WaitForRootTotalAsync(silo.Admin, $"department:{department}", UnitsPerDepartment * SeedTotal);
                Assert.Equal(UnitsPerDepartment * SeedTotal, root.GetProperty("total").GetDecimal());
            }

            var county = await WaitForRootTotalAsync(silo.Admin, "county", units.Count * SeedTotal);
            Assert.Equal(units.Count * SeedTotal, county.GetProperty("total").GetDecimal());
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
