using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Demo;
using Heliodesk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Workspaces;

/// <summary>
/// Before the server listens: migrate, then on a first start create the bootstrap token and the
/// demo workspace. Running in StartingAsync means /health can only ever answer a migrated database.
/// </summary>
internal sealed partial class DatabaseStartup(IServiceProvider services, IOptions<HeliodeskOptions> options, ILogger<DatabaseStartup> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.DataPath());
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
        await CreateBootstrapTokenAsync(db, cancellationToken);

        if (options.Value.Demo && !await db.Workspaces.AnyAsync(cancellationToken))
        {
            await using var demoScope = services.CreateAsyncScope();
            var demo = await demoScope.ServiceProvider.GetRequiredService<DemoWorkspace>().CreateAsync(cancellationToken);
            LogDemo(log, demo.OwnerEmail, demo.OwnerPassword);
        }
    }

    private async Task CreateBootstrapTokenAsync(HeliodeskDb db, CancellationToken ct)
    {
        var secret = options.Value.BootstrapToken;
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }
        var hash = ApiToken.HashOf(secret);
        if (await db.ApiTokens.AnyAsync(t => t.Hash == hash, ct))
        {
            return;
        }
        db.ApiTokens.Add(new ApiToken
        {
            Name = "Bootstrap (HELIODESK_BOOTSTRAP_TOKEN)",
            Hash = hash,
            Hint = ApiToken.HintOf(secret),
            IsInstanceAdmin = true,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        LogBootstrap(log);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo workspace created. Sign in as {Email} with password {Password} (shown only this once).")]
    private static partial void LogDemo(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance administrator token created from HELIODESK_BOOTSTRAP_TOKEN.")]
    private static partial void LogBootstrap(ILogger logger);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
