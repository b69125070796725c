using Akto.Consolidation.Contracts.Classification;
using Akto.Consolidation.Domain.Classification;
using Akto.Consolidation.Grains.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Akto.Consolidation.Grains;

/// <summary>What the grains need from the silo's services, registered in one place for the host and the test clusters.</summary>
public static class GrainServices
{
    /// <summary>
    /// One <see cref="ClusterCatalogs"/> per silo over the host's catalogs (the shipped ones unless the host registered
    /// its own <see cref="IClassificationCatalogs"/> before), <see cref="ConsolidationOptions"/>, the flush of the
    /// silo's tree nodes before it stops (<see cref="TreeFlushOnShutdown"/>) and whether it serves (<see cref="SiloActivity"/>).
    /// </summary>
    public static IServiceCollection AddConsolidationGrains(this IServiceCollection services)
    {
        services.TryAddSingleton<IClassificationCatalogs>(ClassificationCatalogs.Shipped);
        services.TryAddSingleton<ClusterCatalogs>();
        services.AddOptions<ConsolidationOptions>();
        services.TryAddSingleton<ActiveTreeNodes>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, TreeFlushOnShutdown>();
        services.TryAddSingleton<SiloActivity>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<SiloActivity>());
        return services;
    }
}
