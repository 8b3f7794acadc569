"""A deliberately small convolutional network; the point is that it needs torch."""
import numpy as np
import torch
import torch.nn as nn


class TinyDetector(nn.Module):
    def __init__(self, classes=3):
        super(TinyDetector, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, kernel_size=3, stride=2),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
        )
        self.head = nn.Linear(8, classes)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))


def load_model(classes=3):
    model = TinyDetector(classes)
    model.eval()
    return model


def to_tensor(image):
    """HxWx3 uint8 numpy image -> 1x3xHxW float tensor in [0, 1]."""
    array = np.asarray(image, dtype=np.float32) / 255.0
    return torch.from_numpy(array).permute(2, 0, 1).unsqueeze(0)
