/**
 * The demo a newcomer sees on first start. The lyrics are traditional songs in the public domain;
 * the stories were written for this project.
 */
export const demoChallenge = {
  slug: 'demo-ballads',
  title: 'Ballads & Broadsides: a traditional-song fic challenge',
  description: [
    'Pick a verse from an old ballad and let it carry you somewhere new.',
    '',
    'Any fandom, any rating up to **Mature**; 500 to 5,000 words; one entry per writer.',
    'Claim a prompt, write, and post your story with its header. Voting opens when submissions close.',
  ].join('\n'),
  timeZone: 'Europe/London',
};

export const demoPrompts = [
  {
    title: 'Scarborough Fair',
    credit: 'Traditional English ballad',
    body: [
      'Are you going to Scarborough Fair?',
      'Parsley, sage, rosemary and thyme;',
      'Remember me to one who lives there,',
      'For once she was a true love of mine.',
    ].join('\n'),
  },
  {
    title: 'The Water Is Wide',
    credit: 'Traditional Scottish song',
    body: [
      'The water is wide, I cannot get o’er,',
      'And neither have I wings to fly.',
      'Give me a boat that can carry two,',
      'And both shall row, my love and I.',
    ].join('\n'),
  },
  {
    title: 'Greensleeves',
    credit: 'Traditional English song, sixteenth century',
    body: [
      'Alas, my love, you do me wrong,',
      'To cast me off discourteously,',
      'For I have loved you well and long,',
      'Delighting in your company.',
    ].join('\n'),
  },
] as const;

export const demoWriters = [
  { email: 'wren@demo.ficathon.invalid', displayName: 'Wren Hollis' },
  { email: 'tamsin@demo.ficathon.invalid', displayName: 'Tamsin Vey' },
] as const;

export const demoOrganizer = {
  email: 'organizer@demo.ficathon.invalid',
  displayName: 'The Ballad Keepers',
} as const;

export const demoEntries = [
  {
    writer: 0,
    prompt: 0,
    title: 'Four Herbs for a Market Day',
    rating: 'G',
    characters: ['Maud', 'the cheesemonger'],
    summary: 'A herb-seller keeps a stall for someone who never comes back, until someone does.',
    notes: 'Written for the Ballads & Broadsides demo challenge.',
    body: [
      'Every market day Maud set out the same four bunches: parsley for the start of things, sage for patience, rosemary for remembering, thyme for courage. She tied them with the same red thread her mother had used, and she put them at the front of the stall where anyone walking up from the harbour would see them first.',
      '',
      'Nobody bought them. Nobody was meant to.',
      '',
      '“You could sell those,” said the cheesemonger, the third summer. “Fresh as anything.”',
      '',
      '“They’re spoken for,” said Maud.',
      '',
      'The cheesemonger looked at the harbour, and at the boats that came in and the boats that did not, and said nothing more about it.',
      '',
      '* * *',
      '',
      'On the ninth summer a woman came up from the quay with salt in her hair and a coat two sizes wrong for her, and stopped in front of the stall as if she had walked into a wall.',
      '',
      '“Parsley,” she said. “Sage. Rosemary—”',
      '',
      '“And thyme,” said Maud. Her hands had gone still on the red thread. “You took your time.”',
      '',
      '“The sea’s wide.” The woman picked up the rosemary and held it to her face. “Did you keep these all this while?”',
      '',
      '“Fresh every week,” said Maud, and found that she was laughing, and that the cheesemonger was pretending very hard to count his wheels.',
    ].join('\n'),
  },
  {
    writer: 1,
    prompt: 1,
    title: 'Both Shall Row',
    rating: 'PG',
    characters: ['Ines', 'Corrin'],
    summary: 'Two rivals, one leaky boat, and a river that will not wait for them to make up.',
    notes: 'Thanks to everyone in the demo challenge for the encouragement.',
    body: [
      'The ferryman had gone to his sister’s wedding, which was the only reason Ines and Corrin were standing on the same bank staring at the same small boat.',
      '',
      '“I’ll take it across and send it back for you,” said Corrin.',
      '',
      '“It won’t come back on its own.”',
      '',
      '“Then you’ll wait.”',
      '',
      'The river was high with the spring melt, brown and fast and full of opinions. Ines looked at it, and at the sky going the colour of slate, and at Corrin, who had beaten her at the county fair three years running and never once been gracious about it.',
      '',
      '“It takes two,” she said. “Look at it. One to bail and one to row, or neither of us gets across.”',
      '',
      'Corrin looked. There was a good inch of water in the bottom already.',
      '',
      '“Fine,” he said. “I row.”',
      '',
      '“We both row,” said Ines, and climbed in before he could argue, and handed him an oar.',
      '',
      'Halfway over, soaked to the knees and pulling in time because there was no other way to do it, Corrin started to laugh. After a moment, so did she.',
    ].join('\n'),
  },
] as const;
