using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Workspaces;

public static class WorkspacesFeature
{
    public static IHostApplicationBuilder AddWorkspaces(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorkspaceProvisioning>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealth>("database");
        return builder;
    }

    private sealed class DatabaseHealth(HeliodeskDb db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
    {
        public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database is unreachable or not migrated.");
    }
}
