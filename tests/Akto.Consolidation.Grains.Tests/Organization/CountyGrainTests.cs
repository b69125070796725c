using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Organization;
using Akto.Consolidation.Contracts.Units;
using Akto.Consolidation.Grains.Tests.Fixtures;

namespace Akto.Consolidation.Grains.Tests.Organization;

/// <summary>The register every first submission meets, and a large department: group commit under concurrent calls.</summary>
[Collection(SharedCluster.Name)]
public sealed class CountyGrainTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task Concurrent_registrations_are_all_stored_in_a_few_shared_writes()
    {
        // A year no other test uses: this county's register holds only these units.
        const int year = 2091;
        var county = _client.GetCounty(year);
        var units = Enumerable.Range(0, 200).Select(i => new CountyUnit($"R{i:D3}", $"单位 {i}", $"RD{i % 7}")).ToList();

        await Task.WhenAll(units.Select(county.RegisterAsync));

        Assert.Equal(units.OrderBy(u => u.UnitCode, StringComparer.Ordinal), await county.GetUnitsAsync());
        var writes = fixture.Store.Writes[$"{GrainStorage.CountyState}/{county.GetGrainId()}"];
        Assert.InRange(writes, 1, 50);

        // What was acknowledged is what is stored.
        var stored = Row<Grains.Organization.CountyState>(county);
        Assert.Equal(200, stored.Units.Count);
    }

    [Fact]
    public async Task A_department_takes_concurrent_joins_in_shared_writes_and_still_refuses_joins_once_approved()
    {
        var code = Budgets.NewCode("D");
        var department = _client.GetDepartment(Budgets.Year, code);
        var members = Enumerable.Range(0, 120).Select(i => new DepartmentMember($"{code}-{i:D3}", $"学校 {i}", BudgetState.Approved)).ToList();

        var joined = await Task.WhenAll(members.Select(department.JoinAsync));

        Assert.All(joined, result => Assert.True(result.Accepted, result.Error));
        Assert.Equal(120, (await department.GetStatusAsync()).Members.Length);
        Assert.InRange(fixture.Store.Writes[$"{GrainStorage.DepartmentState}/{department.GetGrainId()}"], 1, 40);
        Assert.Equal(120, Row<Grains.Organization.DepartmentState>(department).Members.Count);

        // Approval and a late join racing it: whichever comes first, an approved department never gains a member.
        var approval = department.ApproveAsync("财政局");
        var late = department.JoinAsync(new DepartmentMember($"{code}-late", "迟到的单位", BudgetState.Approved));
        var (approved, lateResult) = (await approval, await late);
        var status = await department.GetStatusAsync();
        Assert.True(approved.Succeeded, approved.Error);
        Assert.True(status.Approved);
        Assert.Equal(lateResult.Accepted ? 121 : 120, status.Members.Length);
    }

    private T Row<T>(IGrainWithStringKey grain)
    {
        var serializer = new Orleans.Storage.OrleansGrainStorageSerializer(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Orleans.Serialization.Serializer>(_client.ServiceProvider));
        var name = typeof(T) == typeof(Grains.Organization.CountyState) ? GrainStorage.CountyState : GrainStorage.DepartmentState;
        return serializer.Deserialize<T>(new BinaryData(fixture.Store.Rows[$"{name}/{grain.GetGrainId()}"].Data))!;
    }
}
