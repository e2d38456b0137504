using Heliodesk.Features.Workspaces;

namespace Heliodesk.Features.Demo;

public sealed record DemoCredentials(string OwnerEmail, string OwnerPassword);

/// <summary>The "Demo" workspace a first start creates, so a new user has something real to work.</summary>
public sealed class DemoWorkspace(Data.HeliodeskDb db, WorkspaceProvisioning provisioning)
{
    public const string OwnerEmail = "owner@demo.heliodesk.test";

    public async Task<DemoCredentials> CreateAsync(CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await provisioning.CreateAsync("Demo", OwnerEmail, "Demo Owner", ct);
        await transaction.CommitAsync(ct);
        return new DemoCredentials(OwnerEmail, created.OwnerPassword!);
    }
}
