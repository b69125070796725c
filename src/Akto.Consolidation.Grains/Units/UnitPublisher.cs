using Akto.Consolidation.Contracts;
using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Contracts.Consolidation;
using Akto.Consolidation.Domain.Documents;
using Akto.Consolidation.Domain.Facts;
using Akto.Consolidation.Grains.Classification;

namespace Akto.Consolidation.Grains.Units;

/// <summary>What a unit tells the consolidation: its figures on the trees' leaves and its facts in each scope's shard.</summary>
internal sealed record Publication(
    Dictionary<string, LeafFigures> Leaves,
    Dictionary<string, (ConsolidationScope Scope, BudgetFacts Facts, TransferDeclarations Transfers)> Facts)
{
    public static Publication None => new([], []);
}

/// <summary>What changed against what the unit last published: leaf entries to send, facts shards to withdraw from.</summary>
internal sealed record PublicationChanges(List<KeyValuePair<string, LeafFigures>> Leaves, List<string> Withdrawn);

/// <summary>
/// Publishing a unit's contributions (one per unit activation): computing them from a document, recording them in the
/// unit's state (which the unit then writes: what it publishes is durable before anyone hears of it), and sending them —
/// absolute and versioned by <see cref="BudgetUnitState.ContributionSequence"/>, so sending again is always safe.
/// </summary>
internal sealed class UnitPublisher(IGrainFactory grains, int year, string unitCode)
{
    /// <summary>
    /// The figures the document puts on the leaves of the county's and its department's trees, and its facts in both
    /// scopes. Money moving to or from units of a scope is eliminated there; asking the scope which payees and payers are
    /// its units also asks it to say when that changes.
    /// </summary>
    public async Task<Publication> DesiredAsync(BudgetDocument document)
    {
        var counterparts = UnitContributions.Counterparts(document);
        var department = ConsolidationScope.Department(document.DepartmentCode);
        var countyMembers = counterparts.IsEmpty ? [] : await grains.GetCounty(year).ResolveMembersAsync(unitCode, counterparts);
        var departmentMembers = counterparts.IsEmpty ? [] : await grains.GetDepartment(year, document.DepartmentCode).ResolveMembersAsync(unitCode, counterparts);
        var publication = Publication.None;
        foreach (var (scope, members) in new[]
        {
            (ConsolidationScope.County, countyMembers.ToHashSet(StringComparer.Ordinal)),
            (department, departmentMembers.ToHashSet(StringComparer.Ordinal)),
        })
        {
            foreach (var (key, figures) in UnitContributions.Compute(document, scope, members))
            {
                publication.Leaves.Add(key, figures);
            }

            publication.Facts[ScopeFactsKey.ForUnit(year, scope, unitCode)] =
                (scope, Elimination.FactsWithinScope(document, members), Elimination.Declare(document, members));
        }

        return publication;
    }

    /// <summary>
    /// Makes <paramref name="state"/>'s published leaves the desired figures (zero where the unit no longer contributes)
    /// and its facts shards the desired ones. The contribution version always increases: the facts are sent every time,
    /// and they can change where no leaf does (a payer joining the scope).
    /// </summary>
    public static PublicationChanges Apply(BudgetUnitState state, Publication desired)
    {
        var changes = new List<KeyValuePair<string, LeafFigures>>();
        foreach (var key in desired.Leaves.Keys.Union(state.Published.Keys).ToList())
        {
            var next = desired.Leaves.GetValueOrDefault(key) ?? LeafFigures.Zero;
            if (!state.Published.TryGetValue(key, out var previous) || !previous.Equals(next))
            {
                changes.Add(KeyValuePair.Create(key, next));
                state.Published[key] = next;
            }
        }

        state.ContributionSequence++;

        var withdrawn = state.FactsShards.Where(key => !desired.Facts.ContainsKey(key)).ToList();
        state.FactsShards = [.. desired.Facts.Keys.Order(StringComparer.Ordinal)];
        return new PublicationChanges(changes, withdrawn);
    }

    /// <summary>Sends the leaf entries and the facts (and the withdrawals) with the state's contribution version.</summary>
    public Task SendAsync(BudgetUnitState state, int? documentVersion, PublicationChanges changes, Publication desired, bool force)
    {
        var sequence = state.ContributionSequence;
        var leaves = changes.Leaves.Select(c => grains.GetGrain<IClassificationNodeGrain>(c.Key)
            .ContributeAsync(new NodeContribution(unitCode, sequence, c.Value.Measures, c.Value.Projects, documentVersion, force)));
        var facts = desired.Facts.Select(f => grains.GetGrain<IScopeFactsGrain>(f.Key)
            .ContributeAsync(new UnitFactsContribution(unitCode, sequence, documentVersion, f.Value.Facts, f.Value.Transfers, force)));
        var withdrawals = changes.Withdrawn.Select(key => grains.GetGrain<IScopeFactsGrain>(key)
            .ContributeAsync(new UnitFactsContribution(unitCode, sequence, null, null, null, force)));
        return Task.WhenAll(leaves.Concat(facts).Concat(withdrawals));
    }
}
