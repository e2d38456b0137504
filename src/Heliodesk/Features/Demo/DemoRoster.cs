using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Demo;

/// <summary>The demo's people, looked up by the short names the scripts use.</summary>
internal sealed record DemoCast(
    IReadOnlyDictionary<string, Team> Teams, IReadOnlyDictionary<string, Agent> Agents, IReadOnlyDictionary<string, Contact> Contacts);

/// <summary>Adds the teams, agents, organizations and contacts of the demo workspace to the context.</summary>
internal static class DemoRoster
{
    // The support team predates every ticket in the demo; how long exactly does not show anywhere.
    private static readonly TimeSpan TeamAge = TimeSpan.FromDays(120);

    public static async Task<DemoCast> AddAsync(HeliodeskDb db, Guid workspaceId, DateTimeOffset anchor, CancellationToken ct)
    {
        var founded = anchor - TeamAge;
        var teams = DemoTeam.Teams.ToDictionary(t => t.Name, t => new Team
        {
            WorkspaceId = workspaceId,
            Name = t.Name,
            Description = t.Description,
            CreatedAt = founded,
        });
        db.Teams.AddRange(teams.Values);

        // Users outlive workspaces, so a demo recreated on a database that once had one reuses its users.
        var emails = DemoTeam.Agents.Select(a => a.Email).ToList();
        var users = await db.Users.Where(u => emails.Contains(u.Email)).ToDictionaryAsync(u => u.Email, ct);
        var agents = new Dictionary<string, Agent>();
        foreach (var spec in DemoTeam.Agents)
        {
            if (!users.TryGetValue(spec.Email, out var user))
            {
                // No password: demo agents are people to assign and route to, not accounts anyone signs in with.
                user = new User { Email = spec.Email, Name = spec.Name, UiLanguage = spec.Languages[0], CreatedAt = founded };
                db.Users.Add(user);
            }
            var agent = new Agent
            {
                WorkspaceId = workspaceId,
                UserId = user.Id,
                Name = spec.Name,
                Email = spec.Email,
                Role = spec.Role,
                Tier = spec.Tier,
                Languages = [.. spec.Languages],
                Skills = [.. spec.Skills],
                Region = spec.Region,
                TimeZone = spec.TimeZone,
                HourlyCost = spec.HourlyCost,
                Currency = spec.Currency,
                CreatedAt = founded,
            };
            db.Agents.Add(agent);
            db.TeamMembers.AddRange(spec.Teams.Select(team => new TeamMember { WorkspaceId = workspaceId, TeamId = teams[team].Id, AgentId = agent.Id }));
            agents.Add(spec.Key, agent);
        }

        var organizations = new Dictionary<string, Organization>();
        foreach (var spec in DemoCustomers.Organizations)
        {
            var since = anchor - TimeSpan.FromDays(spec.Account.DaysAgo);
            var organization = new Organization
            {
                WorkspaceId = workspaceId,
                Name = spec.Name,
                Domains = [spec.Domain],
                Plan = spec.Account.Plan,
                Mrr = spec.Account.Mrr,
                Currency = spec.Account.Currency,
                Lifecycle = spec.Account.Lifecycle,
                SignupDate = DateOnly.FromDateTime(since.UtcDateTime),
                Notes = spec.Notes,
                CreatedAt = since,
                UpdatedAt = since,
            };
            db.Organizations.Add(organization);
            organizations.Add(spec.Domain, organization);
        }

        var contacts = new Dictionary<string, Contact>();
        foreach (var spec in DemoCustomers.Contacts)
        {
            var address = EmailAddress.Normalize(spec.Email);
            var organization = organizations.GetValueOrDefault(EmailAddress.Domain(address));
            var contact = organization is null ? Individual(spec, workspaceId, anchor) : Member(spec, organization);
            contact.Emails.Add(new ContactEmail { WorkspaceId = workspaceId, ContactId = contact.Id, Address = address, IsPrimary = true });
            db.Contacts.Add(contact);
            contacts.Add(address, contact);
        }
        return new DemoCast(teams, agents, contacts);
    }

    // A company's revenue is on the organization only, so a report summing MRR counts it once, not once per person.
    private static Contact Member(DemoContact spec, Organization organization) => new()
    {
        WorkspaceId = organization.WorkspaceId,
        Name = spec.Name,
        Phone = spec.Phone,
        Language = LanguageTag.Normalize(spec.Language),
        TimeZone = spec.TimeZone,
        OrganizationId = organization.Id,
        Plan = organization.Plan,
        SignupDate = organization.SignupDate,
        Lifecycle = organization.Lifecycle,
        CreatedAt = organization.CreatedAt,
        UpdatedAt = organization.CreatedAt,
    };

    private static Contact Individual(DemoContact spec, Guid workspaceId, DateTimeOffset anchor)
    {
        var account = spec.Account ?? throw new InvalidOperationException($"Demo contact {spec.Email} belongs to no organization and has no account.");
        var since = anchor - TimeSpan.FromDays(account.DaysAgo);
        return new Contact
        {
            WorkspaceId = workspaceId,
            Name = spec.Name,
            Phone = spec.Phone,
            Language = LanguageTag.Normalize(spec.Language),
            TimeZone = spec.TimeZone,
            Plan = account.Plan,
            Mrr = account.Mrr,
            Currency = account.Currency,
            Lifecycle = account.Lifecycle,
            SignupDate = account.Plan is null ? null : DateOnly.FromDateTime(since.UtcDateTime),
            CreatedAt = since,
            UpdatedAt = since,
        };
    }
}
