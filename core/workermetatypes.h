#pragma once

// The engine's values that the workers' queued signals and slots carry between threads
// (TrainingWorker, RaceWorker).

#include "explanationrequests.h"
#include "lesson.h"
#include "phase.h"
#include "raceframe.h"
#include "runlimit.h"
#include "savedlesson.h"
#include "snapshot.h"
#include "steplogreplay.h"
#include "timeline.h"

#include <QMetaType>

Q_DECLARE_METATYPE(backprop::Lesson)
Q_DECLARE_METATYPE(backprop::SavedLesson)
Q_DECLARE_METATYPE(backprop::Granularity)
Q_DECLARE_METATYPE(backprop::RunLimit)
Q_DECLARE_METATYPE(backprop::RunState)
Q_DECLARE_METATYPE(backprop::ParameterId)
Q_DECLARE_METATYPE(backprop::OptimizerSettings)
Q_DECLARE_METATYPE(backprop::CurveRequest)
Q_DECLARE_METATYPE(backprop::CurveResult)
Q_DECLARE_METATYPE(backprop::SurfaceRequest)
Q_DECLARE_METATYPE(backprop::SurfaceResult)
Q_DECLARE_METATYPE(backprop::Dataset)
Q_DECLARE_METATYPE(backprop::OutputGridRequest)
Q_DECLARE_METATYPE(backprop::OutputGridResult)
Q_DECLARE_METATYPE(backprop::PhaseRecord)
Q_DECLARE_METATYPE(backprop::Snapshot)
Q_DECLARE_METATYPE(backprop::Timeline)
Q_DECLARE_METATYPE(backprop::StepLogRows)
Q_DECLARE_METATYPE(backprop::RaceRequest)
Q_DECLARE_METATYPE(backprop::RaceFrame)
