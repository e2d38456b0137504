using System.Security.Cryptography;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Workspaces;

public sealed record ProvisionedWorkspace(Workspace Workspace, Agent Owner, string OwnerToken, string? OwnerPassword);

/// <summary>Creates a workspace with its owner and the owner's first API token, in the caller's transaction.</summary>
public sealed class WorkspaceProvisioning(HeliodeskDb db, WorkspaceScope scope, IPasswordHasher<User> hasher, TimeProvider time)
{
    public async Task<ProvisionedWorkspace> CreateAsync(string name, string? ownerEmail, string? ownerName, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var workspace = new Workspace { Name = name.Trim(), CreatedAt = now };
        scope.Enter(workspace.Id);
        db.Workspaces.Add(workspace);

        var email = ownerEmail is null
            ? $"owner-{workspace.Id:N}@workspaces.heliodesk.invalid"
            : EmailAddress.Normalize(ownerEmail);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        string? password = null;
        if (user is null)
        {
            user = new User { Email = email, Name = ownerName?.Trim() ?? "Owner", CreatedAt = now };
            if (ownerEmail is not null)
            {
                password = GeneratePassword();
                user.PasswordHash = hasher.HashPassword(user, password);
            }
            db.Users.Add(user);
        }

        var owner = new Agent
        {
            WorkspaceId = workspace.Id,
            UserId = user.Id,
            Name = user.Name,
            Email = user.Email,
            Role = AgentRole.Owner,
            Tier = 3,
            CreatedAt = now,
            Languages = ["en"],
        };
        db.Agents.Add(owner);
        var secret = ApiToken.NewSecret();
        db.ApiTokens.Add(new ApiToken
        {
            WorkspaceId = workspace.Id,
            AgentId = owner.Id,
            Name = "Owner token",
            Hash = ApiToken.HashOf(secret),
            Hint = ApiToken.HintOf(secret),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return new ProvisionedWorkspace(workspace, owner, secret, password);
    }

    /// <summary>16 characters from an alphabet without look-alikes: shown once, typed by a person.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }
}
