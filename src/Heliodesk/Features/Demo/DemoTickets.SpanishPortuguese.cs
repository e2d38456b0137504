using Heliodesk.Features.Tickets;
using static Heliodesk.Features.Demo.DemoScript;
using static Heliodesk.Features.Tickets.TicketStatus;

namespace Heliodesk.Features.Demo;

internal static partial class DemoTickets
{
    private static readonly DemoTicket[] SpanishAndPortuguese =
    [
        new()
        {
            From = "carmen@carmesi.example", Language = "es", Channel = Channel.Email, Opened = Day(20, 8, 40),
            Team = Billing, Assignee = "lucia", Tags = ["invoice", "pdf"],
            Subject = "No puedo descargar la última factura",
            Body = "Hola:\n\nAl pulsar «Descargar PDF» en la última factura me aparece «Error al generar el documento». Lo he probado en Chrome y en Safari. La necesito para la gestoría antes del día 20.\n\nUn saludo,\nCarmen Ruiz\nEstudio Carmesí",
            Steps =
            [
                Reply(Minutes(28), "lucia", "Hola, Carmen:\n\nGracias por avisarnos. El PDF falla porque la razón social de tu ficha fiscal termina en coma («Estudio Carmesí,») y el generador no lo acepta. La he corregido y te he enviado la factura por correo. ¿Te ha llegado bien?\n\nUn saludo,\nLucía", Pending),
                Customer(Hours(2), "Sí, ya la tengo y ahora también se descarga desde la web. ¡Muchas gracias, Lucía!"),
                Reply(Minutes(10), "lucia", "¡Genial! Ya hemos avisado al equipo técnico para que el generador ignore esas comas. Que tengas buena semana.", Solved),
            ],
        },
        new()
        {
            From = "javier@carmesi.example", Language = "es", Channel = Channel.Widget, Opened = Day(8, 10, 15),
            Team = Onboarding, Assignee = "lucia", Tags = ["guest-access", "permissions"],
            Subject = "¿Cómo invito a un cliente sin que vea el presupuesto?",
            Body = "Queremos que un cliente siga el avance de su proyecto, pero no debería ver nuestras horas ni las tarifas. ¿Hay alguna forma?",
            Steps =
            [
                Reply(Minutes(19), "lucia", "¡Hola, Javier! Sí: invítalo como «Invitado» desde el proyecto (Compartir → Invitar invitado). Los invitados ven las tareas, los comentarios y el calendario, pero no las horas registradas, las tarifas ni el presupuesto. Además, solo acceden a los proyectos que compartas con ellos.", Solved),
            ],
        },
        new()
        {
            From = "valeria.ortega@rumbo.example", Language = "es", Channel = Channel.Chat, Opened = Day(3, 16, 5),
            Urgency = CustomerUrgency.High, Team = Billing, Assignee = "rafael", Tags = ["trial", "payment"],
            Subject = "Se acaba mi prueba y no puedo agregar la tarjeta",
            Body = "Hola, mi prueba termina mañana y al agregar la tarjeta me sale «La tarjeta fue rechazada por el emisor». La tarjeta funciona en todos lados. No quiero que el equipo pierda acceso.",
            Steps =
            [
                Reply(Minutes(1), "rafael", "Hola, Valeria, con gusto te ayudo. Ese mensaje lo manda tu banco, no nosotros: algunas tarjetas mexicanas bloquean por defecto los cargos internacionales en dólares. Puedes autorizarlos desde la app de tu banco o llamándoles."),
                Note(Minutes(2), "rafael", "Extended Rumbo's trial by 7 days so the team keeps access while the bank sorts it out (one extension per account)."),
                Reply(Minutes(1), "rafael", "Mientras tanto amplié tu prueba 7 días, así que nadie pierde acceso. Cuando el banco lo autorice, vuelve a intentar el pago y me avisas si algo falla.", Pending),
                Customer(Days(1), "El banco dice que tarda 24 horas en activar los pagos internacionales. ¿La prueba sigue activa hasta entonces?"),
                Reply(Minutes(2), "rafael", "Sí, ahora tu prueba vence dentro de 7 días, así que tienes margen de sobra. Aquí sigo si el pago no pasa.", Pending),
            ],
        },
        new()
        {
            From = "diego@rumbo.example", Language = "es", Channel = Channel.Email, Opened = Day(2, 19, 30),
            Team = Onboarding, Assignee = "sofia", Tags = ["import", "csv"],
            Subject = "Error al importar tareas desde CSV",
            Body = "Buenas tardes. Estoy importando nuestras tareas desde un Excel guardado como CSV y el importador pone todo en una sola columna. ¿Qué formato necesita?",
            Steps =
            [
                Reply(Minutes(45), "sofia", "¡Hola, Diego! Tu archivo usa punto y coma como separador (Excel lo hace así cuando la configuración regional está en español). En el paso 2 del importador, en «Separador», elige «Punto y coma» y las columnas se reconocerán bien. Si aun así falla, mándanos el archivo y lo revisamos.", Pending),
            ],
        },
        new()
        {
            From = "javier@carmesi.example", Language = "es", Channel = Channel.HelpCenter, Opened = Day(0, 9, 5),
            Team = Billing, Tags = ["account-owner"],
            Subject = "Cambiar el titular de la cuenta",
            Body = "Hola: Carmen, que es la propietaria de la cuenta, deja el estudio a final de mes. ¿Cómo paso la propiedad a mi usuario sin perder el historial de facturas ni los proyectos?",
        },
        new()
        {
            From = "diego@rumbo.example", Language = "es", Channel = Channel.Email, Opened = Day(5, 18, 0),
            Urgency = CustomerUrgency.High, Team = Technical, Assignee = "rafael", Tags = ["integration", "google-calendar"],
            Subject = "La integración con Google Calendar duplica los eventos",
            Body = "Hola, desde el lunes cada tarea con fecha aparece dos veces en Google Calendar. Nos pasa a varios del equipo y ya tenemos el calendario lleno de duplicados.",
            Steps =
            [
                Reply(Minutes(70), "rafael", "Hola, Diego, gracias por el aviso. ¿Les pasa a todos o solo a algunas personas? ¿Hicieron algún cambio en la cuenta el lunes?"),
                Customer(Hours(2), "Solo a los que conectaron su calendario después de que añadimos cuatro usuarios el lunes. Los demás están bien."),
                Note(Minutes(10), "rafael", "Can't reproduce on a fresh workspace. Looks like adding seats re-registered the calendar webhook for everyone who connected afterwards. Escalating to T2."),
                Escalate(Minutes(1), "rafael", 2, Escalations, "maya"),
                Reply(Hours(17), "maya", "Hola, Diego, soy Maya, del equipo de escalados. Confirmamos el problema: al añadir usuarios se registró dos veces la suscripción al calendario. Ya eliminamos la suscripción duplicada, así que las tareas nuevas no se duplicarán. Para borrar los duplicados que ya existen, desconecta y vuelve a conectar el calendario en Ajustes → Integraciones. ¿Nos confirmas si queda resuelto?", Pending),
            ],
        },
        new()
        {
            From = "mateo.silva@fotomateo.example", Language = "pt", Channel = Channel.Email, Opened = Day(11, 12, 30),
            Team = Billing, Assignee = "rafael", Tags = ["refund", "payment"],
            Subject = "Cobrança em duplicidade no cartão",
            Body = "Olá, fui cobrado duas vezes pela assinatura deste mês (US$ 19 cada). Podem verificar e estornar uma das cobranças?\n\nObrigado,\nMateo",
            Steps =
            [
                Reply(Minutes(50), "rafael", "Olá, Mateo! Confirmei as duas cobranças: a segunda foi uma nova tentativa indevida do processador de pagamentos. Já fiz o estorno de US$ 19, que deve aparecer na fatura do cartão em 5 a 10 dias úteis. Desculpe pelo transtorno!", Solved),
            ],
        },
        new()
        {
            From = "mateo.silva@fotomateo.example", Language = "pt", Channel = Channel.Widget, Opened = Day(1, 14, 0),
            Team = Technical, Assignee = "rafael", Tags = ["mobile", "android", "notifications"],
            Subject = "App Android não mostra notificações",
            Body = "Desde a última atualização o app no Android parou de mostrar notificações de comentários novos. No iPhone da minha sócia está tudo certo.",
            Steps =
            [
                Reply(Minutes(30), "rafael", "Oi, Mateo! A última atualização pediu de novo a permissão de notificações no Android 13, e muita gente acabou negando sem perceber. Confira em Configurações → Apps → Orbitask → Notificações se estão ativadas.", Pending),
                Customer(Hours(3), "Era a permissão, obrigado! Agora as notificações chegam, mas só quando abro o app. Com o app fechado não chega nada."),
            ],
        },
    ];
}
