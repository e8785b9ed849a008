import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertChallenge } from './support/fixtures';
import { bearer, signUp, type SignedUp } from './support/http';
import { testDatabaseKinds, useTestApp } from './support/test-app';

describe.each(testDatabaseKinds())('prompt draw status on %s', (kind) => {
  const t = useTestApp(kind);
  let organizer: SignedUp;
  let writer: SignedUp;

  beforeAll(async () => {
    organizer = await signUp(t.app, { displayName: 'Draw Keeper' });
    writer = await signUp(t.app, { displayName: 'Draw Writer' });
    await insertChallenge(t.store, { slug: 'lucky-dip', ownerId: organizer.user.id });
  });

  const status = async (token?: string) => {
    const req = request(t.app).get('/api/challenges/lucky-dip');
    const res = await (token ? req.set(bearer(token)) : req);
    return res.body.draw as { signedUp: number; viewerSignedUp: boolean };
  };

  it('counts sign-ups and tells each viewer whether they are in', async () => {
    expect(await status(writer.token)).toEqual({ signedUp: 0, viewerSignedUp: false });
    await request(t.app)
      .post('/api/challenges/lucky-dip/draw/signup')
      .set(bearer(writer.token))
      .expect(204);
    expect(await status(writer.token)).toEqual({ signedUp: 1, viewerSignedUp: true });
    expect(await status(organizer.token)).toEqual({ signedUp: 1, viewerSignedUp: false });
    expect(await status()).toEqual({ signedUp: 1, viewerSignedUp: false });
    await request(t.app)
      .delete('/api/challenges/lucky-dip/draw/signup')
      .set(bearer(writer.token))
      .expect(204);
    expect(await status(writer.token)).toEqual({ signedUp: 0, viewerSignedUp: false });
  });
});
