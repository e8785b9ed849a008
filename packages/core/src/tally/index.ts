export type { ApprovalBallot, PluralityBallot, RankedBallot, ScoreBallot } from './ballots';
export { blendResults, type RankedResult } from './blend';
export { tallyBorda } from './borda';
export { tallyApproval, tallyPlurality } from './count-votes';
export { tallyInstantRunoff, type InstantRunoffOptions } from './instant-runoff';
export { tallyJudges, type JudgeScoresheet, type JudgingCriterion } from './judges';
export { tallySchulze } from './schulze';
export { tallyScore, type ScoreOptions } from './score';
export { seededShuffle } from '../random/seeded-shuffle';
