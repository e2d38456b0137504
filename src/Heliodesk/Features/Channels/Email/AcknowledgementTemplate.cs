using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// A workspace's own wording of the "we received your request" mail in one language. Without one,
/// the built-in text for the ticket's language is used (<see cref="BuiltInAcknowledgements"/>).
/// Placeholders: {{customer.name}}, {{ticket.number}}, {{ticket.subject}}, {{workspace.name}}.
/// </summary>
public sealed class AcknowledgementTemplate : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public required string Language { get; init; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class AcknowledgementTemplateConfiguration : IEntityTypeConfiguration<AcknowledgementTemplate>
{
    public void Configure(EntityTypeBuilder<AcknowledgementTemplate> builder)
    {
        builder.ToTable("AcknowledgementTemplates");
        builder.HasKey(t => new { t.WorkspaceId, t.Language });
        builder.Property(t => t.Language).HasMaxLength(Limits.Language);
        builder.Property(t => t.Subject).HasMaxLength(Limits.Subject);
        builder.Property(t => t.Body).HasMaxLength(AcknowledgementTemplateApi.BodyLength);
    }
}

/// <summary>The built-in wording, used until a workspace writes its own.</summary>
public static class BuiltInAcknowledgements
{
    public const string Subject = "Re: {{ticket.subject}} [#{{ticket.number}}]";

    public static readonly IReadOnlyDictionary<string, string> Bodies = new Dictionary<string, string>
    {
        ["en"] = """
            Hello {{customer.name}},

            Thank you for writing to {{workspace.name}}. We have received your request #{{ticket.number}} ("{{ticket.subject}}") and a member of our team will answer you soon.

            To add anything, simply reply to this email.

            {{workspace.name}} Support
            """,
        ["es"] = """
            Hola, {{customer.name}}:

            Gracias por escribir a {{workspace.name}}. Hemos recibido tu solicitud n.º {{ticket.number}} («{{ticket.subject}}») y un miembro de nuestro equipo te responderá pronto.

            Si quieres añadir algo, responde a este correo.

            El equipo de soporte de {{workspace.name}}
            """,
        ["zh-Hans"] = """
            {{customer.name}}，您好：

            感谢您联系 {{workspace.name}}。我们已收到您的请求 #{{ticket.number}}（“{{ticket.subject}}”），我们的团队成员会尽快回复您。

            如需补充信息，请直接回复此邮件。

            {{workspace.name}} 支持团队
            """,
    };
}
