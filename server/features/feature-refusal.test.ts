import { describe, expect, it } from 'vitest';
import { featureRefusal, firstRefusal } from '@/server/features/feature-refusal';

const answer = (
  errorCode: number,
  errorMessage: string | null,
  results: { feature: string; errorCode: number; errorMessage: string | null }[] = [],
) => ({
  errorCode,
  errorMessage,
  results,
});

describe('featureRefusal', () => {
  it('is null when Kafka accepted, at both versions', () => {
    expect(featureRefusal(answer(0, null), { knownFeature: true })).toBeNull();
    expect(
      featureRefusal(answer(0, null, [{ feature: 'share.version', errorCode: 0, errorMessage: null }]), { knownFeature: true }),
    ).toBeNull();
  });

  it('puts the controller’s reason word for word on level (known feature) or feature (unknown), as a 422', () => {
    const tooHigh = featureRefusal(
      answer(95, 'Invalid update version 99 for feature metadata.version. Local controller 1 only supports versions 7-33'),
      {
        knownFeature: true,
      },
    );
    expect(tooHigh).toMatchObject({
      code: 'VALIDATION',
      status: 422,
      fieldErrors: { level: ['Invalid update version 99 for feature metadata.version. Local controller 1 only supports versions 7-33'] },
    });
    const unknown = featureRefusal(answer(42, 'Local controller 1 does not support this feature.'), { knownFeature: false });
    expect(unknown).toMatchObject({ status: 422, fieldErrors: { feature: ['Local controller 1 does not support this feature.'] } });
  });

  it('reads v1’s per-feature results when the top level is clean', () => {
    const v1 = answer(0, null, [{ feature: 'metadata.version', errorCode: 95, errorMessage: "Can't downgrade" }]);
    expect(firstRefusal(v1)).toMatchObject({ errorCode: 95, errorMessage: "Can't downgrade" });
    expect(featureRefusal(v1, { knownFeature: true })?.fieldErrors).toEqual({ level: ["Can't downgrade"] });
  });

  it('maps a failed apply to 502 and an ACL denial to KAFKA_FORBIDDEN', () => {
    expect(featureRefusal(answer(96, 'timed out'), { knownFeature: true })).toMatchObject({ code: 'KAFKA_ERROR', status: 502 });
    expect(featureRefusal(answer(31, null), { knownFeature: true })).toMatchObject({ code: 'KAFKA_FORBIDDEN', status: 403 });
  });
});
