namespace Akto.Consolidation.Grains.Units;

/// <summary>
/// The results a unit remembers under client request ids, so that a retried command returns its first result. Only the
/// latest <see cref="Capacity"/> are kept: a client retries within minutes, and a list that grew with every command would
/// make every write of the unit grow with it.
/// </summary>
public static class RememberedRequests
{
    /// <summary>How many request ids a unit remembers.</summary>
    public const int Capacity = 256;

    public static void Remember(BudgetUnitState state, string requestId, RememberedResult result)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.Requests.ContainsKey(requestId))
        {
            state.RequestOrder.Add(requestId);
        }

        state.Requests[requestId] = result;
        Trim(state);
    }

    /// <summary>Rows written before the order was kept: take the ids in the order the dictionary holds them.</summary>
    public static void Normalize(BudgetUnitState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.RequestOrder.Count != state.Requests.Count || state.RequestOrder.Any(id => !state.Requests.ContainsKey(id)))
        {
            state.RequestOrder = [.. state.Requests.Keys];
        }

        Trim(state);
    }

    private static void Trim(BudgetUnitState state)
    {
        var excess = state.RequestOrder.Count - Capacity;
        if (excess <= 0)
        {
            return;
        }

        foreach (var id in state.RequestOrder.Take(excess))
        {
            state.Requests.Remove(id);
        }

        state.RequestOrder.RemoveRange(0, excess);
    }
}
