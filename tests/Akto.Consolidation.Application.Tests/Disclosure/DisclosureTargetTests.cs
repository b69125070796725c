using Akto.Consolidation.Application.Disclosure;
using Akto.Consolidation.Domain.Disclosure;

namespace Akto.Consolidation.Application.Tests.Disclosure;

public sealed class DisclosureTargetTests
{
    [Theory]
    [InlineData(null, DisclosureScopeKind.County, null)]
    [InlineData("county", DisclosureScopeKind.County, null)]
    [InlineData("unit:139001", DisclosureScopeKind.Unit, "139001")]
    [InlineData("department:139", DisclosureScopeKind.Department, "139")]
    public void Parses_the_three_scopes(string? text, DisclosureScopeKind kind, string? code)
    {
        Assert.True(DisclosureTarget.TryParse(text, out var target));
        Assert.Equal(new DisclosureTarget(kind, code), target);
    }

    [Theory]
    [InlineData("unit:")]
    [InlineData("department:")]
    [InlineData("province")]
    [InlineData("Unit:139001")]
    public void Refuses_anything_else(string text) => Assert.False(DisclosureTarget.TryParse(text, out _));

    [Fact]
    public void Writes_back_as_parsed()
    {
        DisclosureTarget.TryParse("department:139", out var target);

        Assert.Equal("department:139", target.ToString());
    }
}
