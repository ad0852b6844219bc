// The example's starting data, created through the API like anything a user creates.
/** A few meetings and people to start from, created through the client, so the dashboard opens on something. */
export async function seed(client) {
  const topics = [
    'Weekly sync',
    'Design review',
    'Customer onboarding',
    'Quarterly planning',
    'Incident retro',
    'Hiring panel',
  ];
  const people = [
    ['Grace Hopper', 'grace'],
    ['Alan Turing', 'alan'],
  ];
  let latest;
  for (let i = 0; i < 26; i++) {
    latest = await client.meetings.create({
      title: `${topics[i % topics.length]} #${Math.floor(i / topics.length) + 1}`,
    });
  }
  for (const [name, id] of people) {
    await client.participants.add(latest.id, {
      name,
      custom_participant_id: id,
      preset_name: 'group_call_participant',
    });
  }
}
